using Auth.Common.Authority;

namespace Auth.Common.Cache;

/// <summary>Finds a user's tokens in the partition of their home account id.</summary>
internal static class UserTokenCache
{
    /// <summary>
    /// Returns the account's access token for the client, tenant and scopes (validated, in request
    /// order), obtained with the extra query parameters <paramref name="queryKey"/> names: the exact key
    /// under each cloud alias first (built on the stack), then a scan.
    /// </summary>
    public static AccessTokenEntity? FindAccessToken(TokenCacheStore store, string clientId, string homeAccountId, AuthorityInfo authority, string realm, IReadOnlyList<string> scopes, string? queryKey = null)
    {
        if (store.Find(homeAccountId) is not { } partition)
        {
            return null;
        }

        if (partition.FindAccessTokenByKey(homeAccountId, authority.Cloud.CacheLookupOrder, clientId, realm, scopes, queryKey) is { } exact
            && exact.Serves(queryKey, issuer: null)
            && SameAccount(exact.HomeAccountId, homeAccountId)
            && string.IsNullOrEmpty(exact.UserAssertionHash)
            && exact.IsBearer)
        {
            return exact;
        }

        return partition.FindAccessToken(
            (ClientId: clientId, Home: homeAccountId, Authority: authority, Realm: realm, Scopes: scopes, QueryKey: queryKey),
            static (t, find) => SameAccount(t.HomeAccountId, find.Home)
                && t.Serves(find.QueryKey, issuer: null)
                && string.IsNullOrEmpty(t.UserAssertionHash)
                && Same(t.ClientId, find.ClientId)
                && Same(t.Realm ?? string.Empty, find.Realm)
                && find.Authority.MatchesEnvironment(t.Environment)
                && t.IsBearer
                && t.Scopes.Covers(find.Scopes));
    }

    /// <summary>Returns the app's refresh token for the account, or a family refresh token the app may use.</summary>
    public static RefreshTokenEntity? FindRefreshToken(TokenCacheStore store, string clientId, string homeAccountId, AuthorityInfo authority)
    {
        if (store.Find(homeAccountId) is not { } partition)
        {
            return null;
        }

        var find = (Store: store, ClientId: clientId, Home: homeAccountId, Authority: authority);
        return partition.FindRefreshToken(find, static (t, f) => IsUsersOwn(t, f.Home, f.Authority) && Same(t.ClientId, f.ClientId))
            ?? partition.FindRefreshToken(find, static (t, f) => IsUsersOwn(t, f.Home, f.Authority) && !string.IsNullOrEmpty(t.FamilyId) && f.Store.IsFamilyMember(f.ClientId, t.FamilyId));
    }

    /// <summary>Returns the account's ID token for the client and tenant: the exact key under each cloud alias first, then a scan.</summary>
    public static IdTokenEntity? FindIdToken(TokenCacheStore store, string clientId, string homeAccountId, AuthorityInfo? authority, string realm)
    {
        if (store.Find(homeAccountId) is not { } partition)
        {
            return null;
        }

        if (authority is not null && partition.FindIdTokenByKey(homeAccountId, authority.Cloud.CacheLookupOrder, clientId, realm) is { } exact && SameAccount(exact.HomeAccountId, homeAccountId))
        {
            return exact;
        }

        return partition.FindIdToken((ClientId: clientId, Realm: realm), static (t, find) => Same(t.ClientId, find.ClientId) && Same(t.Realm ?? string.Empty, find.Realm));
    }

    /// <summary>Returns the account entry for <paramref name="realm"/>, else any entry of the account.</summary>
    public static AccountEntity? FindAccount(TokenCacheStore store, string homeAccountId, string? realm) =>
        store.Find(homeAccountId)?.FindAccount(realm);

    private static bool IsUsersOwn(RefreshTokenEntity t, string homeAccountId, AuthorityInfo authority) =>
        SameAccount(t.HomeAccountId, homeAccountId)
        && string.IsNullOrEmpty(t.UserAssertionHash)
        && authority.MatchesEnvironment(t.Environment);

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Home account ids are compared exactly, like the partitions they name (an OpenID Provider's <c>sub</c> is case-sensitive).</summary>
    private static bool SameAccount(string? a, string b) => string.Equals(a, b, StringComparison.Ordinal);
}
