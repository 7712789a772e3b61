using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;

namespace Auth.Extensions.Tests.TestDoubles;

/// <summary>
/// A store that is down: every call throws, as a Redis client does when the server is gone. With
/// <c>readsWork</c> reads succeed (finding nothing) and only writes fail.
/// </summary>
internal sealed class FailingDistributedCache(bool readsWork = false) : IDistributedCache
{
    private readonly ConcurrentQueue<string> _operations = new();

    public int Calls => _operations.Count;

    /// <summary>Gets the operations tried, oldest first: get, set, remove or refresh.</summary>
    public IReadOnlyList<string> Operations => [.. _operations];

    public byte[]? Get(string key) => throw Outage("get");

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        readsWork ? Task.FromResult<byte[]?>(null) : Task.FromException<byte[]?>(Outage("get"));

    public void Refresh(string key) => throw Outage("refresh");

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.FromException(Outage("refresh"));

    public void Remove(string key) => throw Outage("remove");

    public Task RemoveAsync(string key, CancellationToken token = default) => Task.FromException(Outage("remove"));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw Outage("set");

    // Throws synchronously (not a faulted task), as some clients do: the plugin must handle both.
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => throw Outage("set");

    private InvalidOperationException Outage(string operation)
    {
        _operations.Enqueue(operation);
        return new InvalidOperationException("No connection is available to service this operation (test outage).");
    }
}
