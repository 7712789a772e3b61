namespace Auth.Common.Cache;

/// <summary>
/// Which cached access token a new one supersedes: the same account, client, tenant, environment,
/// assertion and token type with overlapping scopes (CACHE-SCHEMA.md "Meanings"), obtained with the same
/// extra query parameters, from the same issuer when the older token records one.
/// </summary>
internal static class AccessTokenRules
{
    public static bool Replaces(AccessTokenEntity token, AccessTokenEntity other) =>
        Same(other.HomeAccountId, token.HomeAccountId)
        && Same(other.ClientId, token.ClientId)
        && Same(other.Realm, token.Realm)
        && Same(other.Environment, token.Environment)
        && Same(other.UserAssertionHash, token.UserAssertionHash)
        && Same(other.TokenType ?? "Bearer", token.TokenType ?? "Bearer")
        && string.Equals(other.ExtCacheKey, token.ExtCacheKey, StringComparison.Ordinal)
        && (other.Issuer is null || string.Equals(other.Issuer, token.Issuer, StringComparison.Ordinal))
        && other.Scopes.Intersects(token.Scopes);

    private static bool Same(string? a, string? b) =>
        string.Equals(a ?? string.Empty, b ?? string.Empty, StringComparison.OrdinalIgnoreCase);
}
