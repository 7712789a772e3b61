namespace Auth.Testing.Authorization;

/// <summary>A validated authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1), ready for sign-in.</summary>
/// <param name="Tenant">The tenant path segment.</param>
/// <param name="ClientId">The registered client.</param>
/// <param name="Target">Where the response goes.</param>
/// <param name="Scope">The scopes asked for (may name several resources, for consent).</param>
/// <param name="Nonce">The OIDC nonce, if any, for the ID token.</param>
/// <param name="CodeChallenge">The S256 PKCE challenge, if any.</param>
/// <param name="Prompt">The <c>prompt</c> values (space-separated), if any; <c>consent</c> lets a strict provider grant <c>offline_access</c>.</param>
internal sealed record AuthorizeRequest(
    string Tenant,
    string ClientId,
    RedirectTarget Target,
    string Scope,
    string? Nonce,
    string? CodeChallenge,
    string? Prompt = null)
{
    /// <summary>Whether <c>prompt</c> includes <c>consent</c> (OIDC Core §3.1.2.1).</summary>
    public bool ConsentPrompted => Prompt?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("consent", StringComparer.Ordinal) == true;
}
