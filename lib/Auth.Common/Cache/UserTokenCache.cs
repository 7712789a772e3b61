using Auth.Common.Authority;

namespace Auth.Common.Cache;

/// <summary>Finds, saves and removes a user's tokens in the partition of their home account id.</summary>
internal static class UserTokenCache
{
    public static AccessTokenEntity? FindAccessToken(TokenCacheStore store, string clientId, string homeAccountId, AuthorityInfo authority, string realm, ScopeSet scopes)
    {
        if (store.Find(homeAccountId) is not { } partition)
        {
            return null;
        }

        return partition.AccessTokens.Values.FirstOrDefault(t =>
            string.Equals(t.HomeAccountId, homeAccountId, StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrEmpty(t.UserAssertionHash)
            && string.Equals(t.ClientId, clientId, StringComparison.OrdinalIgnoreCase)
            && string.Equals(t.Realm ?? string.Empty, realm, StringComparison.OrdinalIgnoreCase)
            && authority.MatchesEnvironment(t.Environment)
            && (t.TokenType is null || t.TokenType.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            && t.Scopes.Covers(scopes));
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

    public static IdTokenEntity? FindIdToken(TokenCacheStore store, string clientId, string homeAccountId, string realm) =>
        store.Find(homeAccountId)?.IdTokens.Values.FirstOrDefault(t =>
            string.Equals(t.ClientId, clientId, StringComparison.OrdinalIgnoreCase)
            && string.Equals(t.Realm ?? string.Empty, realm, StringComparison.OrdinalIgnoreCase));

    public static AccountEntity? FindAccount(TokenCacheStore store, string homeAccountId, string? realm) =>
        store.Find(homeAccountId)?.Accounts.Values
            .OrderByDescending(a => string.Equals(a.Realm, realm, StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();

    /// <summary>Saves a user's tokens: the access token replaces overlapping ones; the others replace by key.</summary>
    public static void Save(TokenCacheStore store, UserTokenRecord record)
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
        }

        AccessTokenWriter.Save(store, record.AccessToken);
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
            var removed = RemoveWhere(partition.AccessTokens, t => Same(t.ClientId, clientId))
                | RemoveWhere(partition.IdTokens, t => Same(t.ClientId, clientId))
                | RemoveWhere(partition.RefreshTokens, t => Same(t.ClientId, clientId) || !string.IsNullOrEmpty(t.FamilyId))
                | RemoveWhere(partition.Accounts, _ => true);
            return removed;
        }
    }

    private static bool IsFamilyMember(TokenCacheStore store, string clientId, RefreshTokenEntity token) =>
        store.AppMetadata.Any(m => string.Equals(m.ClientId, clientId, StringComparison.OrdinalIgnoreCase)
            && string.Equals(m.FamilyId, token.FamilyId, StringComparison.Ordinal));

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
