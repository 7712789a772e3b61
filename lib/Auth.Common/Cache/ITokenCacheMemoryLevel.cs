namespace Auth.Common.Cache;

/// <summary>
/// A cache plugin in front of which memory is a first level (L1): after the plugin has loaded a
/// partition from its store or saved it there (and said so with
/// <see cref="TokenCacheContext.MatchesStore"/>), reads of that partition are served from memory
/// for <see cref="MemoryLifetime"/> without calling the plugin. A write always goes through the
/// plugin. Implement it on a plugin whose store is remote (Redis, SQL), where every
/// <see cref="ITokenCachePlugin.BeforeCacheAccessAsync"/> is a round trip.
/// </summary>
/// <remarks>
/// Memory stays bounded: a partition whose time has passed is read from the store again on its
/// next access and is dropped from memory when nobody uses it; beyond
/// <see cref="MemoryPartitionLimit"/> partitions, those synced longest ago are dropped. Dropping
/// loses nothing, because only partitions that match the store are dropped. A write by another
/// instance is seen here once this instance's copy is older than <see cref="MemoryLifetime"/>.
/// </remarks>
public interface ITokenCacheMemoryLevel
{
    /// <summary>
    /// Gets how long after a load or save memory serves reads of a partition without the plugin.
    /// <see cref="TimeSpan.Zero"/> turns the memory level off: every access calls the plugin.
    /// </summary>
    TimeSpan MemoryLifetime { get; }

    /// <summary>Gets how many partitions memory keeps at most (at least 1).</summary>
    int MemoryPartitionLimit { get; }
}
