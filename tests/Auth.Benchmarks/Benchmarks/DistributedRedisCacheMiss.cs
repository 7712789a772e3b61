using Auth.Benchmarks.Fakes;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>
/// Row 9: a cache miss through the distributed cache on a real redis-server, at a steady size (one
/// token, replaced on every call): each call finds the cached token expired, requests a new one from
/// the in-process fake authority and saves the partition to Redis. Tokens live 60 s. MSAL.NET
/// refreshes any token within 5 minutes of expiry, so it never uses them. Ours serves a short-lived
/// token for the first half of its life (min(ClockSkew, lifetime / 2) margin), so its app clock moves
/// 31 s before each call: past that half, but within the memory level's default minute, so the
/// lookup is answered from memory as Identity.Web's L1 answers MSAL's.
/// </summary>
public class DistributedRedisCacheMiss : DistributedRedisBenchmark
{
    protected override string Row => "row 9 (miss)";

    protected override int ExpiresIn => 60;

    protected override TimeSpan OursClockStep => TimeSpan.FromSeconds(31);

    protected override long ExpectedTokenRequests(long calls) => calls;

    protected override Task CheckAsync(Func<Task<string>> acquire) => Workload.ExpectMissesAsync(acquire, Handler);
}
