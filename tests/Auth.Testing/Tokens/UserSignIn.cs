namespace Auth.Testing.Tokens;

/// <summary>
/// What a user authorized a client to do, as authorization codes, refresh tokens and device codes remember it.
/// </summary>
/// <param name="User">The signed-in user (tenant id filled in).</param>
/// <param name="ClientId">The client the grant is bound to.</param>
/// <param name="Scope">The scopes authorized (space-separated, as asked for, less what a strict provider did not grant).</param>
/// <param name="AuthTime">When the user authenticated: the <c>auth_time</c> claim.</param>
/// <param name="Nonce">The authorization request's nonce, for the ID token of the code redemption only.</param>
internal sealed record UserSignIn(FakeUser User, string ClientId, string Scope, DateTimeOffset AuthTime, string? Nonce = null)
{
    /// <summary>The authorized scopes, parsed; they were validated when the grant was made.</summary>
    /// <summary>
    /// Whether <c>offline_access</c> was asked for but not granted (strict mode, no consent prompt): a refresh token is
    /// issued all the same, its grant without <c>offline_access</c>.
    /// </summary>
    public bool RefreshTokenAsked { get; init; }

    public ScopeSet Scopes => ScopeSet.TryParse(Scope, out var scopes, out _) ? scopes : throw new InvalidOperationException("Unparseable stored scope.");
}
