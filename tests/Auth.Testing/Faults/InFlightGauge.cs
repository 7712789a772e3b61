using System.Collections.Concurrent;

namespace Auth.Testing.Faults;

/// <summary>Counts token requests being handled at the same time, per tenant path segment, and keeps the peak.</summary>
internal sealed class InFlightGauge
{
    private readonly ConcurrentDictionary<string, Counter> _tenants = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Counts a request of <paramref name="tenant"/> until the returned scope is disposed.</summary>
    public Scope Enter(string tenant)
    {
        var counter = _tenants.GetOrAdd(tenant, static _ => new Counter());
        counter.Enter();
        return new Scope(counter);
    }

    /// <summary>The highest number of requests of one tenant handled at once, per tenant seen.</summary>
    public IReadOnlyDictionary<string, int> Peaks() => _tenants.ToDictionary(t => t.Key, t => t.Value.Peak, StringComparer.OrdinalIgnoreCase);

    /// <summary>Forgets the peaks (requests in flight keep counting).</summary>
    public void ResetPeaks()
    {
        foreach (var counter in _tenants.Values)
        {
            counter.ResetPeak();
        }
    }

    internal readonly struct Scope(Counter counter) : IDisposable
    {
        public void Dispose() => counter.Exit();
    }

    internal sealed class Counter
    {
        private int _current;
        private int _peak;

        public int Peak => Volatile.Read(ref _peak);

        public void Enter()
        {
            var now = Interlocked.Increment(ref _current);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
            {
            }
        }

        public void Exit() => Interlocked.Decrement(ref _current);

        public void ResetPeak() => Interlocked.Exchange(ref _peak, Volatile.Read(ref _current));
    }
}
