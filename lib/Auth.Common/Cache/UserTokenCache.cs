using Auth.Common.Authority;

namespace Auth.Common.Cache;

/// <summary>Finds, saves and removes a user's tokens in the partition of their home account id.</summary>
internal static class UserTokenCache
{
    /// <summary>
    /// Returns the account's access token for the client, tenant and scopes (validated, in request
    /// order): the exact key under each cloud alias first (built on the stack), then a scan.
    /// </summary>
    public static AccessTokenEntity? FindAccessToken(TokenCacheStore store, string clientId, string homeAccountId, AuthorityInfo authority, string realm, IReadOnlyList<string> scopes)
    {
        if (store.Find(homeAccountId) is not { } partition)
        {
            return null;
        }

        if (partition.FindAccessTokenByKey(homeAccountId, authority.Cloud.Aliases, clientId, realm, scopes) is { } exact
            && string.IsNullOrEmpty(exact.UserAssertionHash)
            && exact.IsBearer)
        {
            return exact;
        }

        foreach (var (_, t) in partition.AccessTokens)
        {
            if (string.Equals(t.HomeAccountId, homeAccountId, StringComparison.OrdinalIgnoreCase)
                && string.IsNullOrEmpty(t.UserAssertionHash)
                && string.Equals(t.ClientId, clientId, StringComparison.OrdinalIgnoreCase)
                && string.Equals(t.Realm ?? string.Empty, realm, StringComparison.OrdinalIgnoreCase)
                && authority.MatchesEnvironment(t.Environment)
                && t.IsBearer
                && t.Scopes.Covers(scopes))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>Returns the app's refresh token for the account, or a family refresh token the app may use.</summary>
    public static RefreshTokenEntity? FindRefreshToken(TokenCacheStore store, string clientId, string homeAccountId, AuthorityInfo authority)
    {
        if (store.Find(homeAccountId) is not { } partition)
        {
            return null;
        }

        var candidates = partition.RefreshTokens.Values.Where(t =>
            string.Equals(t.HomeAccountId, homeAccountId, StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrEmpty(t.UserAssertionHash)
            && authority.MatchesEnvironment(t.Environment)).ToList();
        return candidates.FirstOrDefault(t => string.Equals(t.ClientId, clientId, StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault(t => !string.IsNullOrEmpty(t.FamilyId) && IsFamilyMember(store, clientId, t));
    }

    /// <summary>Returns the account's ID token for the client and tenant: the exact key under each cloud alias first, then a scan.</summary>
    public static IdTokenEntity? FindIdToken(TokenCacheStore store, string clientId, string homeAccountId, AuthorityInfo? authority, string realm)
    {
        if (store.Find(homeAccountId) is not { } partition)
        {
            return null;
        }

        if (authority is not null && partition.FindIdTokenByKey(homeAccountId, authority.Cloud.Aliases, clientId, realm) is { } exact)
        {
            return exact;
        }

        foreach (var (_, t) in partition.IdTokens)
        {
            if (string.Equals(t.ClientId, clientId, StringComparison.OrdinalIgnoreCase)
                && string.Equals(t.Realm ?? string.Empty, realm, StringComparison.OrdinalIgnoreCase))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>Returns the account entry for <paramref name="realm"/>, else any entry of the account.</summary>
    public static AccountEntity? FindAccount(TokenCacheStore store, string homeAccountId, string? realm)
    {
        if (store.Find(homeAccountId) is not { } partition)
        {
            return null;
        }

        AccountEntity? any = null;
        foreach (var (_, account) in partition.Accounts)
        {
            if (string.Equals(account.Realm, realm, StringComparison.OrdinalIgnoreCase))
            {
                return account;
            }

            any ??= account;
        }

        return any;
    }

    /// <summary>Saves a user's tokens: the access token replaces overlapping ones; the others replace by key.</summary>
    public static void Save(TokenCacheStore store, UserTokenRecord record, long now)
    {
        var partition = store.GetOrCreate(record.AccessToken.Partition());
        lock (partition.WriteLock)
        {
            var isOnBehalfOf = !string.IsNullOrEmpty(record.AccessToken.UserAssertionHash);
            if (!isOnBehalfOf)
            {
                partition.Accounts[record.Account.Key()] = record.Account;
            }

            if (record.IdToken is { } idToken && !isOnBehalfOf)
            {
                partition.IdTokens[idToken.Key()] = idToken;
            }

            if (record.RefreshToken is { } refreshToken)
            {
                partition.RefreshTokens[refreshToken.Key()] = refreshToken;
            }

            partition.MarkChanged();
        }

        AccessTokenWriter.Save(store, record.AccessToken, now);
        store.SetAppMetadata(record.AppMetadata);
    }

    /// <summary>Removes the account and the app's ID, access and refresh tokens for it; other apps' tokens stay.</summary>
    public static bool Remove(TokenCacheStore store, string homeAccountId, string clientId)
    {
        if (store.Find(homeAccountId) is not { } partition)
        {
            return false;
        }

        lock (partition.WriteLock)
        {
            var removed = RemoveAccessTokens(partition, clientId)
                | RemoveWhere(partition.IdTokens, t => Same(t.ClientId, clientId))
                | RemoveWhere(partition.RefreshTokens, t => Same(t.ClientId, clientId) || !string.IsNullOrEmpty(t.FamilyId))
                | RemoveWhere(partition.Accounts, _ => true);
            if (removed)
            {
                partition.MarkChanged();
            }

            return removed;
        }
    }

    private static bool IsFamilyMember(TokenCacheStore store, string clientId, RefreshTokenEntity token) =>
        store.AppMetadata.Any(m => string.Equals(m.ClientId, clientId, StringComparison.OrdinalIgnoreCase)
            && string.Equals(m.FamilyId, token.FamilyId, StringComparison.Ordinal));

    private static bool RemoveAccessTokens(CachePartition partition, string clientId)
    {
        var removed = false;
        foreach (var (key, token) in partition.AccessTokens)
        {
            if (Same(token.ClientId, clientId))
            {
                removed |= partition.RemoveAccessToken(key);
            }
        }

        return removed;
    }

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool RemoveWhere<T>(System.Collections.Concurrent.ConcurrentDictionary<string, T> entries, Func<T, bool> match)
    {
        var removed = false;
        foreach (var (key, value) in entries)
        {
            if (match(value))
            {
                removed |= entries.TryRemove(key, out _);
            }
        }

        return removed;
    }
}
