namespace Auth.Common.Requests;

/// <summary>Redeems an authorization code (RFC 6749 section 4.1.3) and checks it against what the app sent.</summary>
public sealed record AuthorizationCodeRequest : AuthRequest
{
    /// <summary>Gets the scopes.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets the redirect URI used in the authorization request.</summary>
    public required Uri RedirectUri { get; init; }

    /// <summary>Gets the authorization code from the redirect.</summary>
    public required string Code { get; init; }

    /// <summary>Gets the PKCE verifier whose challenge was in the authorization URL.</summary>
    public string? CodeVerifier { get; init; }

    /// <summary>Gets the state the app sent; when set, <see cref="ReturnedState"/> must equal it.</summary>
    public string? State { get; init; }

    /// <summary>Gets the state that came back with the code.</summary>
    public string? ReturnedState { get; init; }

    /// <summary>Gets the nonce the app sent; when set, the ID token must carry it.</summary>
    public string? Nonce { get; init; }

    /// <summary>Returns the scopes and redirect URI only: the record holds the code and the PKCE verifier.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"{nameof(AuthorizationCodeRequest)} {{ Scopes = {string.Join(' ', Scopes)}, RedirectUri = {RedirectUri} }}";
}
