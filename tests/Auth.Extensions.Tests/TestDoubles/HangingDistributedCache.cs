using Microsoft.Extensions.Caching.Distributed;

namespace Auth.Extensions.Tests.TestDoubles;

/// <summary>
/// A store that never answers and ignores cancellation, like a client stuck on a half-open
/// connection. <see cref="Entered"/> completes on the first call.
/// </summary>
internal sealed class HangingDistributedCache : IDistributedCache
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<byte[]?> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public Task Entered => _entered.Task;

    public int Calls => Volatile.Read(ref _calls);

    public byte[]? Get(string key) => throw new NotSupportedException("The plugin is async only.");

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Hang();

    public void Refresh(string key) => throw new NotSupportedException("The plugin is async only.");

    public Task RefreshAsync(string key, CancellationToken token = default) => Hang();

    public void Remove(string key) => throw new NotSupportedException("The plugin is async only.");

    public Task RemoveAsync(string key, CancellationToken token = default) => Hang();

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new NotSupportedException("The plugin is async only.");

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => Hang();

    private Task<byte[]?> Hang()
    {
        Interlocked.Increment(ref _calls);
        _entered.TrySetResult();
        return _never.Task;
    }
}
