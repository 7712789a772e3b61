using System.Collections.Concurrent;
using Auth.Common.Cache;
using Microsoft.Identity.Client;

namespace Auth.Benchmarks.Fakes;

/// <summary>Ours: each partition kept as a serialized blob in a dictionary (a stand-in for a distributed cache).</summary>
public sealed class DictionaryCachePlugin : ITokenCachePlugin
{
    public ConcurrentDictionary<string, string> Blobs { get; } = new(StringComparer.Ordinal);

    public Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        if (Blobs.TryGetValue(context.PartitionKey, out var json))
        {
            context.TokenCache.Deserialize(json);
        }

        return Task.CompletedTask;
    }

    public Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        if (context.CacheHasChanged)
        {
            Blobs[context.PartitionKey] = context.TokenCache.Serialize();
        }

        return Task.CompletedTask;
    }

    /// <summary>MSAL.NET: the same, with SerializeMsalV3/DeserializeMsalV3 keyed by SuggestedCacheKey.</summary>
    public static ConcurrentDictionary<string, byte[]> AttachMsal(ITokenCache cache)
    {
        var blobs = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        cache.SetBeforeAccess(args =>
        {
            if (blobs.TryGetValue(args.SuggestedCacheKey, out var bytes))
            {
                args.TokenCache.DeserializeMsalV3(bytes, shouldClearExistingCache: true);
            }
        });
        cache.SetAfterAccess(args =>
        {
            if (args.HasStateChanged)
            {
                blobs[args.SuggestedCacheKey] = args.TokenCache.SerializeMsalV3();
            }
        });
        return blobs;
    }

    public static string AppPartition(string tenant) => $"{Apps.ClientId}_{tenant}_AppTokenCache";
}
