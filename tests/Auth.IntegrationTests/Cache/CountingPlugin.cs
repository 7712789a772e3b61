using System.Collections.Concurrent;
using Auth.Common.Cache;

namespace Auth.IntegrationTests.Cache;

/// <summary>
/// A plugin that really persists, as a distributed store would: one blob per partition key. A
/// <see cref="BeforeCacheAccessAsync"/> is a load (the stored blob, if any, is deserialized into the
/// partition); an <see cref="AfterCacheAccessAsync"/> that reports a change is a save (the partition is
/// serialized and stored); one without a change is neither. Counts loads and saves since <see cref="Reset"/>,
/// and keeps each call with its partition key so a failing count can be explained.
/// </summary>
internal sealed class CountingPlugin : ITokenCachePlugin
{
    private readonly ConcurrentDictionary<string, string> _blobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _calls = new();
    private int _loads;
    private int _saves;

    /// <summary>Gets the loads since <see cref="Reset"/>.</summary>
    public int Loads => Volatile.Read(ref _loads);

    /// <summary>Gets the saves since <see cref="Reset"/>.</summary>
    public int Saves => Volatile.Read(ref _saves);

    /// <summary>Gets the calls since <see cref="Reset"/>, oldest first, each with its partition key.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>Gets the partition keys with a stored blob.</summary>
    public ICollection<string> StoredPartitions => _blobs.Keys;

    /// <summary>Zeroes the counters and forgets the calls; the stored blobs stay.</summary>
    public void Reset()
    {
        Volatile.Write(ref _loads, 0);
        Volatile.Write(ref _saves, 0);
        _calls.Clear();
    }

    /// <summary>Describes the counts and the calls, for a test's output and failure messages.</summary>
    public string Describe() => $"{Loads} load(s), {Saves} save(s) [{string.Join("; ", Calls)}]";

    public Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        if (_blobs.TryGetValue(context.PartitionKey, out var blob))
        {
            context.TokenCache.Deserialize(blob);
            _calls.Enqueue($"load '{context.PartitionKey}'");
        }
        else
        {
            _calls.Enqueue($"load '{context.PartitionKey}' (nothing stored)");
        }

        return Task.CompletedTask;
    }

    public Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        if (context.CacheHasChanged)
        {
            Interlocked.Increment(ref _saves);
            _blobs[context.PartitionKey] = context.TokenCache.Serialize();
            _calls.Enqueue($"save '{context.PartitionKey}'");
        }
        else
        {
            _calls.Enqueue($"after '{context.PartitionKey}' (unchanged)");
        }

        return Task.CompletedTask;
    }
}
