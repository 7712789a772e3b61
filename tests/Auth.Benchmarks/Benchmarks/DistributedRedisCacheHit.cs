using Auth.Benchmarks.Fakes;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>
/// Row 8: a cache hit through the distributed cache on a real redis-server. Each library's memory
/// level holds the partition, so a hit needs no Redis command while that copy is fresh (ours: one
/// minute by default, after which one read refreshes it; Identity.Web: while the token is valid).
/// </summary>
public class DistributedRedisCacheHit : DistributedRedisBenchmark
{
    protected override string Row => "row 8 (hit)";

    protected override int ExpiresIn => 3599;

    protected override TimeSpan OursClockStep => TimeSpan.Zero;

    protected override long ExpectedTokenRequests(long calls) => 0;

    protected override Task CheckAsync(Func<Task<string>> acquire) => Workload.ExpectHitsAsync(acquire, "eyJ", Handler);
}
