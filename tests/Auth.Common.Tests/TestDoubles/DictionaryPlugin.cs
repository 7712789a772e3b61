using Auth.Common.Cache;

namespace Auth.Common.Tests.TestDoubles;

/// <summary>
/// A plugin that stores one blob per partition key, as a distributed store does, and records the
/// partition keys it loaded and saved (in order) so a test can count the store's work.
/// </summary>
internal sealed class DictionaryPlugin : ITokenCachePlugin
{
    public Dictionary<string, string> Blobs { get; } = [];

    public List<bool> Changes { get; } = [];

    /// <summary>Gets the partition keys loaded, oldest first.</summary>
    public List<string> Loads { get; } = [];

    /// <summary>Gets the partition keys saved, oldest first.</summary>
    public List<string> Saves { get; } = [];

    public bool Fail { get; init; }

    public Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new IOException("disk on fire");
        }

        lock (Blobs)
        {
            Loads.Add(context.PartitionKey);
            if (Blobs.TryGetValue(context.PartitionKey, out var blob))
            {
                context.TokenCache.Deserialize(blob);
            }
        }

        return Task.CompletedTask;
    }

    public Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        lock (Blobs)
        {
            Changes.Add(context.CacheHasChanged);
            if (context.CacheHasChanged)
            {
                Saves.Add(context.PartitionKey);
                Blobs[context.PartitionKey] = context.TokenCache.Serialize();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Forgets the loads and saves recorded so far; the blobs stay.</summary>
    public void ResetCounts()
    {
        lock (Blobs)
        {
            Loads.Clear();
            Saves.Clear();
        }
    }
}
