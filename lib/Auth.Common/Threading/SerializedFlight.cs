namespace Auth.Common.Threading;

/// <summary>
/// Single-flight per request key, and one flight at a time per lock key: concurrent callers asking
/// for the same thing share one run, and runs for one lock key (an account, an OBO assertion) never
/// overlap, so a rotating refresh token is never redeemed twice. The lock keys are striped, so the
/// locks do not grow with the number of accounts.
/// </summary>
/// <typeparam name="TResult">The result of a run.</typeparam>
internal sealed class SerializedFlight<TResult>
{
    private readonly SingleFlight<string, TResult> _flight = new();
    private readonly StripedAsyncLock _locks = new(64);

    /// <summary>Runs <paramref name="work"/> once for <paramref name="flightKey"/>, inside the lock of <paramref name="lockKey"/>; the caller's cancellation ends only its own wait.</summary>
    public Task<TResult> RunAsync(string flightKey, string lockKey, Func<Task<TResult>> work, CancellationToken cancellationToken) =>
        _flight.RunAsync(
            flightKey,
            async () =>
            {
                using (await _locks.EnterAsync(lockKey, CancellationToken.None).ConfigureAwait(false))
                {
                    return await work().ConfigureAwait(false);
                }
            },
            cancellationToken);
}
