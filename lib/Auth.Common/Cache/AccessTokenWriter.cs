namespace Auth.Common.Cache;

/// <summary>
/// Saves an access token in its partition, replacing the tokens of the same account, client,
/// tenant, environment and token type whose scopes overlap (CACHE-SCHEMA.md "Meanings").
/// </summary>
internal static class AccessTokenWriter
{
    /// <summary>
    /// Saves <paramref name="token"/>, replacing tokens it supersedes and evicting the partition's
    /// expired ones (as of <paramref name="now"/>, Unix seconds); then holds the cache to its size bound.
    /// </summary>
    public static void Save(TokenCacheStore store, AccessTokenEntity token, long now)
    {
        var partition = store.GetOrCreate(token.Partition());
        var key = token.Key();
        lock (partition.WriteLock)
        {
            foreach (var (otherKey, other) in partition.AccessTokens)
            {
                if (otherKey != key && (other.ExpiresOn <= now || Replaces(token, other)))
                {
                    partition.RemoveAccessToken(otherKey);
                }
            }

            partition.SetAccessToken(key, token);
        }

        store.EvictOverLimit();
    }

    private static bool Replaces(AccessTokenEntity token, AccessTokenEntity other) =>
        Same(other.HomeAccountId, token.HomeAccountId)
        && Same(other.ClientId, token.ClientId)
        && Same(other.Realm, token.Realm)
        && Same(other.Environment, token.Environment)
        && Same(other.UserAssertionHash, token.UserAssertionHash)
        && Same(other.TokenType ?? "Bearer", token.TokenType ?? "Bearer")
        && other.Scopes.Intersects(token.Scopes);

    private static bool Same(string? a, string? b) =>
        string.Equals(a ?? string.Empty, b ?? string.Empty, StringComparison.OrdinalIgnoreCase);
}
