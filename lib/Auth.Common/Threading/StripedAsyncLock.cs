namespace Auth.Common.Threading;

/// <summary>
/// Async mutual exclusion per key with a fixed number of locks: keys hash onto stripes, so memory
/// stays constant however many keys (users, tenants, partitions) come and go. Two keys may share a
/// stripe and then wait for each other, which is harmless as long as callers never hold one stripe
/// while entering another.
/// </summary>
internal sealed class StripedAsyncLock
{
    private readonly SemaphoreSlim[] _stripes;

    public StripedAsyncLock(int stripes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stripes, 1);
        _stripes = new SemaphoreSlim[stripes];
        for (var i = 0; i < stripes; i++)
        {
            _stripes[i] = new SemaphoreSlim(1, 1);
        }
    }

    private SemaphoreSlim StripeOf(string key) => _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length)];

    /// <summary>Waits for the lock of <paramref name="key"/>; dispose the result to release it.</summary>
    public async ValueTask<Releaser> EnterAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = StripeOf(key);
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    /// <summary>Takes the lock of <paramref name="key"/> only if it is free now (never when this caller holds its stripe).</summary>
    public bool TryEnter(string key, out Releaser releaser)
    {
        var stripe = StripeOf(key);
        releaser = stripe.Wait(0) ? new Releaser(stripe) : default;
        return releaser.Holds;
    }

    /// <summary>Releases a stripe once.</summary>
    public readonly struct Releaser : IDisposable
    {
        private readonly SemaphoreSlim? _stripe;

        internal Releaser(SemaphoreSlim stripe) => _stripe = stripe;

        internal bool Holds => _stripe is not null;

        public void Dispose() => _stripe?.Release();
    }
}
