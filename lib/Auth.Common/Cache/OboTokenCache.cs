using Auth.Common.Authority;

namespace Auth.Common.Cache;

/// <summary>
/// Finds on-behalf-of tokens in the partition of the incoming assertion's hash: only tokens obtained
/// with that very assertion, for this client and cloud, are ever returned.
/// </summary>
internal static class OboTokenCache
{
    /// <summary>
    /// Returns the assertion's access token covering <paramref name="scopes"/> that may be served (valid
    /// as of <paramref name="now"/> with <paramref name="clockSkew"/>, not due for refresh) and obtained with the
    /// extra query parameters <paramref name="queryKey"/> names, or null.
    /// </summary>
    public static AccessTokenEntity? FindAccessToken(TokenCacheStore store, string clientId, string assertionHash, AuthorityInfo authority, IReadOnlyList<string> scopes, long now, TimeSpan clockSkew, string? queryKey = null)
    {
        if (store.Find(assertionHash) is not { } partition)
        {
            return null;
        }

        var find = new Find(clientId, assertionHash, authority, TenantOf(authority), scopes, now, clockSkew, queryKey);
        return FindExact(partition, find) is { } exact && IsServable(exact, find)
            ? exact
            : partition.FindAccessToken(find, static (t, f) => t.Scopes.Covers(f.Scopes) && IsServable(t, f));
    }

    /// <summary>Returns the assertion's refresh token for this client and cloud, or null.</summary>
    public static RefreshTokenEntity? FindRefreshToken(TokenCacheStore store, string clientId, string assertionHash, AuthorityInfo authority) =>
        store.Find(assertionHash)?.FindRefreshToken(
            (ClientId: clientId, AssertionHash: assertionHash, Authority: authority),
            static (t, f) => IsOwn(t.UserAssertionHash, t.ClientId, t.Environment, f.ClientId, f.AssertionHash, f.Authority));

    /// <summary>The tenant tokens must be in: the authority's when it names one by id; else any (the assertion pins the user).</summary>
    private static string? TenantOf(AuthorityInfo authority) =>
        authority.Mode == ProtocolMode.AzureAD && Guid.TryParse(authority.Tenant, out _) ? authority.Tenant : null;

    /// <summary>
    /// The token under the exact key of the requested scopes: an assertion's tokens all belong to one
    /// user in one tenant, so any entry of the partition tells the key's account and realm.
    /// </summary>
    private static AccessTokenEntity? FindExact(CachePartition partition, Find find)
    {
        var sample = partition.FindAccessToken(0, static (_, _) => true);
        return sample?.HomeAccountId is { } home
            ? partition.FindAccessTokenByKey(home, find.Authority.Cloud.CacheLookupOrder, find.ClientId, find.Tenant ?? sample.Realm ?? string.Empty, find.Scopes, find.QueryKey)
            : null;
    }

    private static bool IsServable(AccessTokenEntity t, Find f) =>
        IsOwn(t.UserAssertionHash, t.ClientId, t.Environment, f.ClientId, f.AssertionHash, f.Authority)
        && t.Serves(f.QueryKey, issuer: null)
        && (f.Tenant is null || string.Equals(t.Realm, f.Tenant, StringComparison.OrdinalIgnoreCase))
        && TokenFreshness.IsUsable(t, f.Now, f.ClockSkew)
        && !(t.RefreshOn <= f.Now);

    private static bool IsOwn(string? assertionHash, string? clientId, string? environment, string ownClientId, string ownAssertionHash, AuthorityInfo authority) =>
        assertionHash == ownAssertionHash
        && string.Equals(clientId, ownClientId, StringComparison.OrdinalIgnoreCase)
        && authority.MatchesEnvironment(environment);

    private readonly record struct Find(string ClientId, string AssertionHash, AuthorityInfo Authority, string? Tenant, IReadOnlyList<string> Scopes, long Now, TimeSpan ClockSkew, string? QueryKey);
}
