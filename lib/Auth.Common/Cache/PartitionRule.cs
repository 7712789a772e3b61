namespace Auth.Common.Cache;

/// <summary>
/// Which partition a cache entry belongs to: the rule the in-memory cache, the plugins' partition keys
/// and any store that merges partitions into one document (the encrypted file cache) all follow.
/// An on-behalf-of entry lives under its assertion hash; a user's entries under the home account
/// id; an app token under <c>{client_id}_{realm}_AppTokenCache</c>.
/// </summary>
public static class PartitionRule
{
    /// <summary>The cache's section names that are partitioned (the app metadata is shared by every partition).</summary>
    public static IReadOnlyList<string> PartitionedSections { get; } = ["Account", "IdToken", "AccessToken", "RefreshToken"];

    /// <summary>Returns the partition of an app's (client-credentials) tokens in one tenant (MSAL's suggested cache key).</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="realm">The tenant.</param>
    /// <returns>The partition key.</returns>
    public static string ForAppTokens(string? clientId, string? realm) => CacheKeys.AppPartition(clientId, realm);

    /// <summary>Returns the partition of an entry of the cache section <paramref name="section"/>, from the entry's fields.</summary>
    /// <param name="section">The section: <c>Account</c>, <c>IdToken</c>, <c>AccessToken</c> or <c>RefreshToken</c>.</param>
    /// <param name="homeAccountId">The entry's <c>home_account_id</c>.</param>
    /// <param name="userAssertionHash">The entry's <c>user_assertion_hash</c>.</param>
    /// <param name="clientId">The entry's <c>client_id</c>.</param>
    /// <param name="realm">The entry's <c>realm</c>.</param>
    /// <returns>The partition key, or null for a section that is not partitioned (or an account with no home id).</returns>
    public static string? Of(string section, string? homeAccountId, string? userAssertionHash, string? clientId, string? realm) => section switch
    {
        "Account" => homeAccountId,
        "IdToken" => homeAccountId ?? string.Empty,
        "RefreshToken" => !string.IsNullOrEmpty(userAssertionHash) ? userAssertionHash : homeAccountId ?? string.Empty,
        "AccessToken" when !string.IsNullOrEmpty(userAssertionHash) => userAssertionHash,
        "AccessToken" when string.IsNullOrEmpty(homeAccountId) => ForAppTokens(clientId, realm ?? string.Empty),
        "AccessToken" => homeAccountId,
        _ => null,
    };
}
