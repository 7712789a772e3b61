using Auth.Common.Authority;

namespace Auth.Common.Cache;

/// <summary>Finds app-only (client-credentials) access tokens in their partition.</summary>
internal static class AppTokenCache
{
    /// <summary>
    /// Returns the cached token of <paramref name="clientId"/> in <paramref name="realm"/> covering
    /// <paramref name="scopes"/> (validated, in request order), obtained with the extra query parameters
    /// <paramref name="queryKey"/> names and from <paramref name="issuer"/> (<see cref="AuthorityInfo.AppTokenIssuer"/>,
    /// or a managed identity endpoint), or null. The key the token would have is tried first under each of the cloud's
    /// aliases, built on the stack (with the issuer, then without it, as an MSAL writes it); only then is the partition scanned.
    /// </summary>
    public static AccessTokenEntity? Find(TokenCacheStore store, string clientId, AuthorityInfo authority, string realm, IReadOnlyList<string> scopes, string? queryKey, string? issuer)
    {
        var key = new CacheKeyBuilder(stackalloc char[CacheKeyBuilder.StackSize]);
        CacheKeys.WriteAppPartition(ref key, clientId, realm);
        var partition = key.Overflowed ? store.Find(CacheKeys.AppPartition(clientId, realm)) : store.Find(key.Key);
        if (partition is null)
        {
            return null;
        }

        if (partition.FindAccessTokenByKey(string.Empty, authority.Cloud.CacheLookupOrder, clientId, realm, scopes, queryKey, issuer) is { } exact
            && IsExactMatch(exact, queryKey, issuer))
        {
            return exact;
        }

        // A token written by an MSAL has no issuer and so no issuer in its key: try that key before scanning, or a cache
        // of MSAL-written app tokens of an OpenID Provider is scanned on every hit.
        if (issuer is not null
            && partition.FindAccessTokenByKey(string.Empty, authority.Cloud.CacheLookupOrder, clientId, realm, scopes, queryKey, issuer: null) is { } unscoped
            && IsExactMatch(unscoped, queryKey, issuer))
        {
            return unscoped;
        }

        return partition.FindAccessToken(
            (ClientId: clientId, Authority: authority, Realm: realm, Scopes: ScopeSet.From(scopes), QueryKey: queryKey, Issuer: issuer),
            static (candidate, find) => IsMatch(candidate, find.ClientId, find.Authority, find.Realm, find.Scopes, find.QueryKey, find.Issuer));
    }

    /// <summary>The key already pins client, tenant, cloud and scopes; what it does not say is checked here.</summary>
    private static bool IsExactMatch(AccessTokenEntity token, string? queryKey, string? issuer) =>
        string.IsNullOrEmpty(token.HomeAccountId)
        && string.IsNullOrEmpty(token.UserAssertionHash)
        && token.IsBearer
        && token.Serves(queryKey, issuer);

    private static bool IsMatch(AccessTokenEntity token, string clientId, AuthorityInfo authority, string realm, ScopeSet scopes, string? queryKey, string? issuer) =>
        token.Serves(queryKey, issuer)
        && string.IsNullOrEmpty(token.HomeAccountId)
        && string.IsNullOrEmpty(token.UserAssertionHash)
        && string.Equals(token.ClientId, clientId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(token.Realm ?? string.Empty, realm, StringComparison.OrdinalIgnoreCase)
        && authority.MatchesEnvironment(token.Environment)
        && token.IsBearer
        && token.Scopes.Covers(scopes);
}
