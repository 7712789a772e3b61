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
    private readonly ConcurrentDictionary<TKey, Task<TValue>> _inFlight = new();

    /// <summary>Gets the number of operations currently running.</summary>
    public int Count => _inFlight.Count;

    /// <summary>
    /// Runs <paramref name="operation"/> for <paramref name="key"/>, or joins the one already running.
    /// The caller that starts it runs it on its own thread (no thread-pool hop): when the operation
    /// completes synchronously, so does this call.
    /// </summary>
    public Task<TValue> RunAsync(TKey key, Func<Task<TValue>> operation, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_inFlight.TryGetValue(key, out var running))
            {
                return running.WaitAsync(cancellationToken);
            }

            var owned = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight.TryAdd(key, owned.Task))
            {
                _ = RunOwnedAsync(key, owned, operation);
                return owned.Task.WaitAsync(cancellationToken);
            }
        }
    }

    private async Task RunOwnedAsync(TKey key, TaskCompletionSource<TValue> owned, Func<Task<TValue>> operation)
    {
        try
        {
            var value = await operation().ConfigureAwait(false);
            _inFlight.TryRemove(new KeyValuePair<TKey, Task<TValue>>(key, owned.Task));
            owned.TrySetResult(value);
        }
        catch (Exception ex)
        {
            _inFlight.TryRemove(new KeyValuePair<TKey, Task<TValue>>(key, owned.Task));
            owned.TrySetException(ex);
        }
    }
}
