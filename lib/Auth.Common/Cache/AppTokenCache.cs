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

        // Entries may have been written under any of the cloud's aliases (by us, MSAL.NET or msal-node):
        // try the exact key under each before scanning the partition.
        foreach (var environment in authority.Cloud.Aliases)
        {
            var exactKey = CacheKeys.Credential(string.Empty, environment, CacheKeys.AccessTokenType, clientId, realm, requestedTarget);
            if (partition.AccessTokens.TryGetValue(exactKey, out var exact) && IsMatch(exact, clientId, authority, realm, scopes))
            {
                return exact;
            }
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

    private static bool IsMatch(AccessTokenEntity token, string clientId, AuthorityInfo authority, string realm, ScopeSet scopes) =>
        string.IsNullOrEmpty(token.HomeAccountId)
        && string.IsNullOrEmpty(token.UserAssertionHash)
        && string.Equals(token.ClientId, clientId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(token.Realm ?? string.Empty, realm, StringComparison.OrdinalIgnoreCase)
        && authority.MatchesEnvironment(token.Environment)
        && (token.TokenType is null || token.TokenType.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        && token.Scopes.Covers(scopes);
}
