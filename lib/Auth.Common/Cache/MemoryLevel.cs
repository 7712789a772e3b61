using System.Collections.Concurrent;

namespace Auth.Common.Cache;

/// <summary>
/// The memory level in front of a plugin's store (see <see cref="ITokenCacheMemoryLevel"/>): which
/// partitions matched the store when, and which of them memory may serve without the plugin. It
/// also picks the partitions to drop from memory: those past their time (swept once per lifetime)
/// and, over the limit, those synced longest ago, down to nine tenths of the limit so that a
/// full level does not sort on every sync.
/// </summary>
internal sealed class MemoryLevel
{
    private readonly ConcurrentDictionary<string, Residency> _resident = new(StringComparer.Ordinal);
    private readonly long _lifetimeTicks;
    private readonly int _limit;
    private readonly TimeProvider _time;
    private long _nextSweep;

    private MemoryLevel(TimeSpan lifetime, int limit, TimeProvider time)
    {
        _lifetimeTicks = lifetime.Ticks;
        _limit = limit;
        _time = time;
        _nextSweep = time.GetUtcNow().UtcTicks + _lifetimeTicks;
    }

    /// <summary>Gets how many partitions the level holds.</summary>
    public int Count => _resident.Count;

    /// <summary>Returns the level <paramref name="plugin"/> asks for, or null when it asks for none.</summary>
    public static MemoryLevel? For(ITokenCachePlugin? plugin, TimeProvider time)
    {
        if (plugin is not ITokenCacheMemoryLevel level || level.MemoryLifetime <= TimeSpan.Zero)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(level.MemoryPartitionLimit, 1, nameof(ITokenCacheMemoryLevel.MemoryPartitionLimit));
        return new MemoryLevel(level.MemoryLifetime, level.MemoryPartitionLimit, time);
    }

    /// <summary>Returns whether memory may serve a read of <paramref name="partition"/>: it matched the store less than a lifetime ago and has not changed since.</summary>
    public bool Serves(string partition, TokenCacheStore store)
    {
        if (!_resident.TryGetValue(partition, out var residency) || _time.GetUtcNow().UtcTicks >= residency.Until)
        {
            return false;
        }

        var current = store.Find(partition);
        return ReferenceEquals(current, residency.Partition) && (current is null || current.Version == residency.Version);
    }

    /// <summary>Records that <paramref name="partition"/> matches the store now.</summary>
    public void Synced(string partition, TokenCacheStore store)
    {
        var current = store.Find(partition);
        _resident[partition] = new Residency(current, current?.Version ?? 0, _time.GetUtcNow().UtcTicks + _lifetimeTicks);
    }

    /// <summary>Records that <paramref name="partition"/> may differ from the store: every access goes to the plugin again.</summary>
    public void Forget(string partition) => _resident.TryRemove(partition, out _);

    /// <summary>
    /// Returns the partitions to drop from memory now (never <paramref name="inUse"/>): the expired
    /// ones when a sweep is due, and the oldest ones while the level is over its limit.
    /// </summary>
    public IReadOnlyCollection<string> Surplus(string inUse)
    {
        var victims = new HashSet<string>(StringComparer.Ordinal);
        var now = _time.GetUtcNow().UtcTicks;
        var sweep = Volatile.Read(ref _nextSweep);
        if (now >= sweep && Interlocked.CompareExchange(ref _nextSweep, now + _lifetimeTicks, sweep) == sweep)
        {
            foreach (var (key, residency) in _resident)
            {
                if (now >= residency.Until && key != inUse)
                {
                    victims.Add(key);
                }
            }
        }

        var excess = _resident.Count - victims.Count - _limit;
        if (excess > 0)
        {
            var keep = Math.Max(1, _limit * 9 / 10);
            var oldest = _resident
                .Where(pair => pair.Key != inUse && !victims.Contains(pair.Key))
                .OrderBy(pair => pair.Value.Until)
                .Take(_resident.Count - victims.Count - keep)
                .Select(pair => pair.Key);
            victims.UnionWith(oldest.ToList());
        }

        return victims;
    }

    private sealed record Residency(CachePartition? Partition, long Version, long Until);
}
