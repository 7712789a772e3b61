using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Auth.Extensions.Tests.TestDoubles;

/// <summary>
/// A real <see cref="MemoryDistributedCache"/> that also records writes and removals and knows
/// which keys it holds, so tests can look at what the plugin stored.
/// </summary>
internal sealed class RecordingDistributedCache : IDistributedCache
{
    private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedWrite> _writes = new();
    private readonly ConcurrentQueue<string> _removals = new();

    public IReadOnlyList<RecordedWrite> Writes => [.. _writes];

    public IReadOnlyList<string> Removals => [.. _removals];

    public IReadOnlyCollection<string> Keys => [.. _keys.Keys.Order(StringComparer.Ordinal)];

    public byte[]? Get(string key) => _inner.Get(key);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _inner.GetAsync(key, token);

    public void Refresh(string key) => _inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        _removals.Enqueue(key);
        _keys.TryRemove(key, out _);
        return _inner.RemoveAsync(key, token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        _writes.Enqueue(new RecordedWrite(key, value, options));
        _keys[key] = 0;
        return _inner.SetAsync(key, value, options, token);
    }

    /// <summary>Stores <paramref name="value"/> behind the plugin's back (no write is recorded).</summary>
    public void Plant(string key, byte[] value)
    {
        _keys[key] = 0;
        _inner.Set(key, value, new DistributedCacheEntryOptions());
    }
}
