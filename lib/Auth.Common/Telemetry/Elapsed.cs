using System.Diagnostics;

namespace Auth.Common.Telemetry;

/// <summary>
/// The clock of an acquisition without an activity: the coarse monotonic clock (<see cref="Environment.TickCount64"/>,
/// 1 to 4 ms resolution, a cheap read) until the flow goes asynchronous, then the precise one. A cache hit therefore
/// records 0 ms at a fraction of a precise read's cost, and a network call is timed precisely.
/// </summary>
internal readonly record struct Elapsed(long CoarseStart, long PreciseStart, long CoarseMilliseconds)
{
    public static Elapsed Start() => new(Environment.TickCount64, 0, 0);

    /// <summary>Keeps what the synchronous part took (coarse) and starts the precise clock.</summary>
    public Elapsed GoingAsync() => new(0, Stopwatch.GetTimestamp(), Environment.TickCount64 - CoarseStart);

    public TimeSpan Stop() => PreciseStart == 0
        ? TimeSpan.FromMilliseconds(Environment.TickCount64 - CoarseStart)
        : TimeSpan.FromMilliseconds(CoarseMilliseconds) + Stopwatch.GetElapsedTime(PreciseStart);
}
