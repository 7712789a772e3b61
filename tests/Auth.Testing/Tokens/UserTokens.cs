namespace Auth.Testing.Tokens;

/// <summary>The members a user-grant token response adds to the access token.</summary>
/// <param name="Scope">The granted scopes, echoed as <c>scope</c>.</param>
/// <param name="RefreshToken">The new refresh token, when <c>offline_access</c> applies.</param>
/// <param name="IdToken">The ID token, when <c>openid</c> applies.</param>
/// <param name="ClientInfo">Entra's client_info, when the request carried <c>client_info=1</c>.</param>
internal sealed record UserTokens(string Scope, string? RefreshToken, string? IdToken, string? ClientInfo)
{
    /// <summary>Gets the SPA code (hybrid SPA), when a confidential client asked for one with <c>return_spa_code=1</c>.</summary>
    public string? SpaCode { get; init; }

    /// <summary>Never prints the tokens.</summary>
    public override string ToString() => $"UserTokens {{ Scope = {Scope} }}";
}
