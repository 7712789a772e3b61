namespace Auth.Common.Requests;

/// <summary>
/// What goes into the authorization URL of the auth-code flow (RFC 6749 section 4.1.1 with PKCE,
/// RFC 7636). The state, nonce and PKCE verifier are made when not given and returned in the
/// <c>AuthorizationUrl</c>: keep them and pass them to <c>AcquireTokenByCodeAsync</c>, which checks the redirect against them.
/// </summary>
public sealed record AuthorizationUrlRequest : AuthRequest
{
    /// <summary>Gets the scopes; <c>openid profile offline_access</c> are added.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets the redirect URI registered for the app (for desktop apps <c>http://127.0.0.1:{port}/</c>, RFC 8252).</summary>
    public required Uri RedirectUri { get; init; }

    /// <summary>
    /// Gets the app's own PKCE challenge, base64url(SHA-256(verifier)); when null a verifier is made (for public and
    /// confidential clients alike) and returned as <c>AuthorizationUrl.CodeVerifier</c>.
    /// </summary>
    public string? CodeChallenge { get; init; }

    /// <summary>Gets the PKCE method; only <c>S256</c> is accepted.</summary>
    public string CodeChallengeMethod { get; init; } = "S256";

    /// <summary>Gets the state; a random one is generated when absent (returned as <c>AuthorizationUrl.State</c>).</summary>
    public string? State { get; init; }

    /// <summary>Gets the nonce; a random one is generated when absent (returned as <c>AuthorizationUrl.Nonce</c>).</summary>
    public string? Nonce { get; init; }

    /// <summary>Gets the prompt (<c>login</c>, <c>consent</c>, <c>select_account</c>, <c>none</c>, <c>create</c>).</summary>
    public string? Prompt { get; init; }

    /// <summary>Gets a user name to pre-fill the sign-in page with.</summary>
    public string? LoginHint { get; init; }

    /// <summary>Gets a domain hint (Entra ID only; not sent to other providers).</summary>
    public string? DomainHint { get; init; }

    /// <summary>Gets the response mode (<c>query</c>, <c>form_post</c>, <c>fragment</c>).</summary>
    public string? ResponseMode { get; init; }

}
