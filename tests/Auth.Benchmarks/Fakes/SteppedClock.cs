namespace Auth.Benchmarks.Fakes;

/// <summary>
/// The system clock moved ahead by however much <see cref="Step"/> has added: wall-clock time only
/// (<see cref="GetUtcNow"/>); timestamps and timers stay the system's, so timeouts behave as usual.
/// </summary>
public sealed class SteppedClock : TimeProvider
{
    private long _offsetTicks;

    public void Step(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Volatile.Read(ref _offsetTicks));
}
