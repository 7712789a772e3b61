using Auth.Common.Authority;

namespace Auth.Common.Cache;

/// <summary>Finds and saves app-only (client-credentials) access tokens in their partition.</summary>
internal static class AppTokenCache
{
    /// <summary>Returns the cached token of <paramref name="clientId"/> in <paramref name="realm"/> covering <paramref name="scopes"/>, or null.</summary>
    public static AccessTokenEntity? Find(TokenCacheStore store, string clientId, AuthorityInfo authority, string realm, ScopeSet scopes, string requestedTarget)
    {
        if (store.Find(CacheKeys.AppPartition(clientId, realm)) is not { } partition)
        {
            return null;
        }

        var exactKey = CacheKeys.Credential(string.Empty, authority.Environment, CacheKeys.AccessTokenType, clientId, realm, requestedTarget);
        if (partition.AccessTokens.TryGetValue(exactKey, out var exact) && IsMatch(exact, clientId, authority, realm, scopes))
        {
            return exact;
        }

        foreach (var candidate in partition.AccessTokens.Values)
        {
            if (IsMatch(candidate, clientId, authority, realm, scopes))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Saves <paramref name="token"/>, replacing tokens of the same app and tenant whose scopes overlap.</summary>
    public static void Save(TokenCacheStore store, AccessTokenEntity token)
    {
        var partition = store.GetOrCreate(token.Partition());
        var key = token.Key();
        lock (partition.WriteLock)
        {
            foreach (var (otherKey, other) in partition.AccessTokens)
            {
                if (otherKey != key
                    && string.Equals(other.Environment, token.Environment, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(other.TokenType ?? "Bearer", token.TokenType ?? "Bearer", StringComparison.OrdinalIgnoreCase)
                    && other.Scopes.Intersects(token.Scopes))
                {
                    partition.AccessTokens.TryRemove(otherKey, out _);
                }
            }

            partition.AccessTokens[key] = token;
        }
    }

    private static bool IsMatch(AccessTokenEntity token, string clientId, AuthorityInfo authority, string realm, ScopeSet scopes) =>
        string.IsNullOrEmpty(token.HomeAccountId)
        && string.IsNullOrEmpty(token.UserAssertionHash)
        && string.Equals(token.ClientId, clientId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(token.Realm ?? string.Empty, realm, StringComparison.OrdinalIgnoreCase)
        && authority.MatchesEnvironment(token.Environment)
        && (token.TokenType is null || token.TokenType.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        && token.Scopes.Covers(scopes);
}
