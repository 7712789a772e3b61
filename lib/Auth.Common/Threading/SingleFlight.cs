using System.Collections.Concurrent;

namespace Auth.Common.Threading;

/// <summary>
/// Runs at most one operation per key at a time: callers that arrive while one is running
/// share its result instead of starting their own. Each caller's cancellation token ends only
/// that caller's wait; the shared operation is bounded by its own timeouts.
/// </summary>
internal sealed class SingleFlight<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _inFlight = new();

    /// <summary>Gets the number of operations currently running.</summary>
    public int Count => _inFlight.Count;

    /// <summary>Runs <paramref name="operation"/> for <paramref name="key"/>, or joins the one already running.</summary>
    public Task<TValue> RunAsync(TKey key, Func<Task<TValue>> operation, CancellationToken cancellationToken)
    {
        Lazy<Task<TValue>>? lazy = null;
        lazy = new Lazy<Task<TValue>>(() => RunAndForgetAsync(key, lazy!, operation), LazyThreadSafetyMode.ExecutionAndPublication);
        var shared = _inFlight.GetOrAdd(key, lazy);
        return shared.Value.WaitAsync(cancellationToken);
    }

    private async Task<TValue> RunAndForgetAsync(TKey key, Lazy<Task<TValue>> self, Func<Task<TValue>> operation)
    {
        try
        {
            return await Task.Run(operation).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<TKey, Lazy<Task<TValue>>>(key, self));
        }
    }
}
