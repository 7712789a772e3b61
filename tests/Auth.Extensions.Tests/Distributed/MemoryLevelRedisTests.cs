using Auth.Common.Responses;
using Auth.Extensions.Distributed;
using Auth.Extensions.Tests.TestDoubles;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Extensions.Tests.Distributed;

/// <summary>
/// The memory level in front of a real redis-server: what a hit and a miss cost in Redis commands,
/// counted by the server itself (<c>INFO commandstats</c>).
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class MemoryLevelRedisTests : IDisposable
{
    private readonly TokenApps _apps = new();
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        _owned.Reverse();
        _owned.ForEach(d => d.Dispose());
        _apps.Dispose();
    }

    [Test]
    public async Task ClientCredentials_MissThenHits_MissCostsTwoReadsAndOneWriteAndHitsCostNoCommand()
    {
        var server = Own(await RedisServer.StartAsync());
        await using var stats = await RedisCommandStats.ConnectAsync(server.Port);
        var app = _apps.App(new DistributedTokenCachePlugin(Client(server)));

        var beforeMiss = await stats.ReadAsync();
        var miss = await app.AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var afterMiss = await stats.ReadAsync();
        for (var i = 0; i < 2000; i++)
        {
            (await app.AcquireTokenByClientCredentialAsync(TokenApps.Request)).Source.Should().Be(TokenSource.Cache);
        }

        var afterHits = await stats.ReadAsync();

        var missCost = afterMiss - beforeMiss;
        var hitCost = afterHits - afterMiss;
        await TestContext.Out.WriteLineAsync($"miss: {missCost}; 2000 hits: {(hitCost.Total == 0 ? "no command" : hitCost.ToString())}");
        miss.Source.Should().Be(TokenSource.IdentityProvider);
        missCost.Reads.Should().BeInRange(1, 2);
        missCost.Writes.Should().Be(1);
        hitCost.Total.Should().Be(0, "a token fresh in memory is served without Redis");
        _apps.TokenRequests.Should().Be(1);
    }

    [Test]
    public async Task AnotherInstancesWrite_IsSeenOnceTheMemoryCopyIsOlderThanMemoryCacheDuration()
    {
        var server = Own(await RedisServer.StartAsync());
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var writer = _apps.App(new DistributedTokenCachePlugin(Client(server)));
        var reader = _apps.App(new DistributedTokenCachePlugin(Client(server)), time: time);
        var first = await writer.AcquireTokenByClientCredentialAsync(TokenApps.Request);
        (await reader.AcquireTokenByClientCredentialAsync(TokenApps.Request)).AccessToken.Should().Be(first.AccessToken);

        var second = await writer.AcquireTokenByClientCredentialAsync(TokenApps.Request with { SkipCache = true });
        var withinDuration = await reader.AcquireTokenByClientCredentialAsync(TokenApps.Request);
        time.Advance(TimeSpan.FromMinutes(1));
        var afterDuration = await reader.AcquireTokenByClientCredentialAsync(TokenApps.Request);

        second.AccessToken.Should().NotBe(first.AccessToken);
        withinDuration.AccessToken.Should().Be(first.AccessToken, "the reader's memory copy is less than a minute old");
        afterDuration.AccessToken.Should().Be(second.AccessToken, "after MemoryCacheDuration the reader reads Redis again");
    }

    [Test]
    public async Task MemoryCacheDurationZero_EveryHitReadsRedis()
    {
        var server = Own(await RedisServer.StartAsync());
        await using var stats = await RedisCommandStats.ConnectAsync(server.Port);
        var app = _apps.App(new DistributedTokenCachePlugin(Client(server), new DistributedTokenCacheOptions { MemoryCacheDuration = TimeSpan.Zero }));
        await app.AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var before = await stats.ReadAsync();
        for (var i = 0; i < 10; i++)
        {
            await app.AcquireTokenByClientCredentialAsync(TokenApps.Request);
        }

        var cost = await stats.ReadAsync() - before;
        cost.Reads.Should().Be(10);
        cost.Writes.Should().Be(0);
    }

    private RedisCache Client(RedisServer server) => Own(server.CreateClient());

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
