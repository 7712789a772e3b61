namespace Auth.Common.Grants.UserTokens;

/// <summary>The <c>scope</c> a user token request sends, or the requested scopes a refresh token's grant lacks.</summary>
/// <param name="Scope">The space-separated scopes to send; null to send no <c>scope</c> (for a refresh: the original grant, RFC 6749 section 6).</param>
/// <param name="NotGranted">Requested scopes the refresh token's grant is known not to hold; when any, nothing is sent.</param>
internal sealed record ScopeSelection(string? Scope, IReadOnlyList<string> NotGranted)
{
    public static ScopeSelection Send(IReadOnlyCollection<string> scopes) => new(scopes.Count == 0 ? null : string.Join(' ', scopes), []);
}
