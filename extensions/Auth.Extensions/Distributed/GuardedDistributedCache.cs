using Auth.Extensions.Logging;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Auth.Extensions.Distributed;

/// <summary>
/// Calls an <see cref="IDistributedCache"/> so that an outage never escapes: each call is bounded
/// by the operation timeout, an exception or timeout is logged, starts the cool-down and is
/// reported as failure, and calls are skipped while cooling down. Only the caller's cancellation
/// propagates (as <see cref="OperationCanceledException"/>).
/// </summary>
internal sealed class GuardedDistributedCache
{
    private readonly IDistributedCache _cache;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly CooldownGate _cooldown;
    private readonly ILogger _logger;

    public GuardedDistributedCache(IDistributedCache cache, TimeSpan timeout, CooldownGate cooldown, TimeProvider timeProvider, ILogger logger)
    {
        _cache = cache;
        _timeout = timeout;
        _cooldown = cooldown;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Reads a blob; <c>Succeeded</c> is false on an outage, <c>Value</c> null when there is no entry.
    /// <paramref name="partitionLabel"/> names the partition in log lines (<see cref="PartitionLabel"/>).
    /// </summary>
    public async Task<(bool Succeeded, byte[]? Value)> TryGetAsync(string storageKey, string partitionLabel, CancellationToken cancellationToken)
    {
        byte[]? value = null;
        var succeeded = await RunAsync(async token => value = await _cache.GetAsync(storageKey, token).ConfigureAwait(false), "read", partitionLabel, cancellationToken).ConfigureAwait(false);
        return (succeeded, value);
    }

    public Task<bool> TrySetAsync(string storageKey, byte[] blob, DistributedCacheEntryOptions entryOptions, string partitionLabel, CancellationToken cancellationToken) =>
        RunAsync(token => _cache.SetAsync(storageKey, blob, entryOptions, token), "write", partitionLabel, cancellationToken);

    private async Task<bool> RunAsync(Func<CancellationToken, Task> operation, string name, string partitionLabel, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_cooldown.IsCoolingDown)
        {
            Log.SkippedCoolingDown(_logger, name, partitionLabel);
            return false;
        }

        using var timeout = new CancellationTokenSource(_timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        Task? task = null;
        try
        {
            task = operation(linked.Token);
            await task.WaitAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var failure = timeout.IsCancellationRequested
                ? new TimeoutException($"The distributed cache did not complete the {name} within {_timeout}.", ex)
                : ex;
            Log.StoreFailed(_logger, failure, name, partitionLabel);
            if (_cooldown.Trip())
            {
                Log.CooldownStarted(_logger, _cooldown.Cooldown);
            }

            return false;
        }
        finally
        {
            ObserveIfAbandoned(task);
        }
    }

    /// <summary>Keeps a store call that was given up on from surfacing as an unobserved task exception.</summary>
    private static void ObserveIfAbandoned(Task? task)
    {
        if (task is { IsCompleted: false })
        {
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
