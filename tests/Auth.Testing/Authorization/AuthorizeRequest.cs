namespace Auth.Testing.Authorization;

/// <summary>A validated authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1), ready for sign-in.</summary>
/// <param name="Tenant">The tenant path segment.</param>
/// <param name="ClientId">The registered client.</param>
/// <param name="Target">Where the response goes.</param>
/// <param name="Scope">The scopes asked for (may name several resources, for consent).</param>
/// <param name="Nonce">The OIDC nonce, if any, for the ID token.</param>
/// <param name="CodeChallenge">The S256 PKCE challenge, if any.</param>
internal sealed record AuthorizeRequest(
    string Tenant,
    string ClientId,
    RedirectTarget Target,
    string Scope,
    string? Nonce,
    string? CodeChallenge);
