namespace Auth.Common.Cache;

/// <summary>
/// The alias partitions that map a local account id to its home account (<see cref="PartitionRule.ForLocalAccountAlias"/>),
/// read and written through the cache plugin. A partitioned store (a distributed cache) loads one
/// partition at a time and the local id does not name one, so a new account's alias is saved beside
/// its tokens; an instance that does not know the local id loads the alias, which puts the account
/// entry in its home partition, and then loads that partition. Nothing here runs on a cache hit.
/// </summary>
internal static class LocalAccountAliases
{
    /// <summary>Saves the alias of an account whose entry is new to its home partition (just saved there).</summary>
    public static async ValueTask SaveAsync(CacheAccessor cache, string localAccountId, CancellationToken cancellationToken) =>
        await cache.AccessAsync(
            PartitionRule.ForLocalAccountAlias(localAccountId),
            isApplicationCache: false,
            static _ => (true, true),
            cancellationToken).ConfigureAwait(false);

    /// <summary>Returns the home account id of <paramref name="localAccountId"/>: from memory, else from its alias partition; null when neither knows it.</summary>
    public static async ValueTask<string?> FindHomeAsync(CacheAccessor cache, string localAccountId, CancellationToken cancellationToken)
    {
        var alias = PartitionRule.ForLocalAccountAlias(localAccountId);
        if (cache.Store.FindAccountByLocalId(localAccountId)?.HomeAccountId is { } home)
        {
            return home;
        }

        return await cache.AccessAsync(
            alias,
            isApplicationCache: false,
            localAccountId,
            static (store, id) => (store.FindAccountByLocalId(id)?.HomeAccountId, false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the alias of an account just removed from its home partition: the copy the alias puts back
    /// in memory is removed again, and the alias is saved without it. Nothing is saved when the store held no alias.
    /// </summary>
    public static async ValueTask RemoveAsync(CacheAccessor cache, string localAccountId, string homeAccountId, CancellationToken cancellationToken) =>
        await cache.AccessAsync(
            PartitionRule.ForLocalAccountAlias(localAccountId),
            isApplicationCache: false,
            (Home: homeAccountId, cache.ClientId),
            static (store, removal) =>
            {
                var removed = store.RemoveAccount(removal.Home, removal.ClientId);
                return (removed, removed);
            },
            cancellationToken).ConfigureAwait(false);
}
