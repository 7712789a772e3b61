using System.Collections.Concurrent;
using Auth.Common.Cache;

namespace Auth.IntegrationTests.Load;

/// <summary>
/// A persisted cache as a distributed store keeps it: one blob per partition, loaded before every access and
/// serialized after every write. Keeps every blob it wrote, and counts calls for one partition that overlapped
/// (which the plugin contract rules out).
/// </summary>
internal sealed class PartitionBlobPlugin : ITokenCachePlugin
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);
    private int _overlaps;

    public ConcurrentDictionary<string, string> Blobs { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets every blob written, in the order the writes finished.</summary>
    public ConcurrentQueue<(string Partition, string Blob)> Writes { get; } = new();

    public int Overlaps => Volatile.Read(ref _overlaps);

    public Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        if (_open.AddOrUpdate(context.PartitionKey, 1, static (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        if (Blobs.TryGetValue(context.PartitionKey, out var blob))
        {
            context.TokenCache.Deserialize(blob);
        }

        return Task.CompletedTask;
    }

    public Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        if (context.CacheHasChanged)
        {
            var blob = context.TokenCache.Serialize();
            Blobs[context.PartitionKey] = blob;
            Writes.Enqueue((context.PartitionKey, blob));
        }

        _open.AddOrUpdate(context.PartitionKey, 0, static (_, n) => n - 1);
        return Task.CompletedTask;
    }
}
