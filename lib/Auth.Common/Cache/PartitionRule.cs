using System.Diagnostics.CodeAnalysis;
using Auth.Common.Errors;

namespace Auth.Common.Cache;

/// <summary>
/// Which partition a cache entry belongs to: the rule the in-memory cache, the plugins' partition keys
/// and any store that merges partitions into one document (the encrypted file cache) all follow.
/// An on-behalf-of entry lives under its assertion hash; a user's entries under the home account
/// id; an app token under <c>{client_id}_{realm}_AppTokenCache</c>. Beside them a partitioned store
/// (a distributed cache) holds one alias partition per local account id,
/// <c>local:{local_account_id}</c>, with a copy of the account entry only: it tells a new instance
/// which home account (and so which partition) a local id belongs to.
/// </summary>
public static class PartitionRule
{
    private const string LocalAccountAliasPrefix = "local:";

    /// <summary>The cache's section names that are partitioned (the app metadata is shared by every partition).</summary>
    public static IReadOnlyList<string> PartitionedSections { get; } = ["Account", "IdToken", "AccessToken", "RefreshToken"];

    /// <summary>Returns the partition of an app's (client-credentials) tokens in one tenant (MSAL's suggested cache key).</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="realm">The tenant.</param>
    /// <returns>The partition key.</returns>
    public static string ForAppTokens(string? clientId, string? realm) => CacheKeys.AppPartition(clientId, realm);

    /// <summary>
    /// Returns the alias partition of a local account id: <c>local:</c> and the id in lower case. It holds
    /// the account entries (MSAL unified cache JSON, no tokens) of that local id, so that the account can
    /// be found by its local id in a store that is not loaded as a whole. A store that keeps every
    /// partition in one document (the file cache) already holds every account and need not save it.
    /// </summary>
    /// <param name="localAccountId">The local account id (<c>local_account_id</c>: the <c>oid</c>, else the <c>sub</c>).</param>
    /// <returns>The partition key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="localAccountId"/> is null.</exception>
    /// <exception cref="AuthClientException"><paramref name="localAccountId"/> is empty (code <see cref="AuthErrorCodes.InvalidRequest"/>).</exception>
    public static string ForLocalAccountAlias(string localAccountId)
    {
        ArgumentNullException.ThrowIfNull(localAccountId);
        if (localAccountId.Length == 0)
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "The local account id is empty. Pass the account's LocalAccountId.");
        }

        return LocalAccountAliasPrefix + localAccountId.ToLowerInvariant();
    }

    /// <summary>Returns whether <paramref name="partitionKey"/> names a local account id's alias partition (<see cref="ForLocalAccountAlias"/>).</summary>
    /// <param name="partitionKey">A partition key (<see cref="TokenCacheContext.PartitionKey"/>).</param>
    /// <returns>True for an alias partition.</returns>
    public static bool IsLocalAccountAlias([NotNullWhen(true)] string? partitionKey) =>
        partitionKey is not null && partitionKey.StartsWith(LocalAccountAliasPrefix, StringComparison.Ordinal) && partitionKey.Length > LocalAccountAliasPrefix.Length;

    /// <summary>Returns the local account id an alias partition is for (lower case), or null when the key names no alias.</summary>
    internal static string? LocalAccountIdOf(string partitionKey) =>
        IsLocalAccountAlias(partitionKey) ? partitionKey[LocalAccountAliasPrefix.Length..] : null;

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
