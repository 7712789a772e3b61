namespace Auth.Extensions.Distributed;

/// <summary>
/// Remembers a store outage for <see cref="DistributedTokenCacheOptions.OutageCooldown"/>, on the
/// monotonic clock of a <see cref="TimeProvider"/>. Lock-free; the last outage wins.
/// </summary>
internal sealed class CooldownGate
{
    private readonly TimeProvider _timeProvider;
    private readonly long _cooldownTicks;
    private long _closedUntil = long.MinValue;

    public CooldownGate(TimeSpan cooldown, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _cooldownTicks = (long)(cooldown.TotalSeconds * timeProvider.TimestampFrequency);
        Cooldown = cooldown;
    }

    public TimeSpan Cooldown { get; }

    /// <summary>Gets whether the store is to be skipped now.</summary>
    public bool IsCoolingDown => _timeProvider.GetTimestamp() < Volatile.Read(ref _closedUntil);

    /// <summary>Starts (or restarts) the cool-down; returns whether it was not already running.</summary>
    public bool Trip()
    {
        if (_cooldownTicks <= 0)
        {
            return false;
        }

        var now = _timeProvider.GetTimestamp();
        var previous = Interlocked.Exchange(ref _closedUntil, now + _cooldownTicks);
        return now >= previous;
    }
}
