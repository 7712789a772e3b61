using System.Diagnostics;
using System.Text;
using Auth.Common.Responses;
using Auth.Extensions.Distributed;
using Auth.Extensions.Tests.TestDoubles;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace Auth.Extensions.Tests.Distributed;

/// <summary>The plugin over a real redis-server through <see cref="RedisCache"/>.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RedisTokenCacheTests : IDisposable
{
    private readonly TokenApps _apps = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        _owned.Reverse();
        _owned.ForEach(d => d.Dispose());
        _apps.Dispose();
    }

    [Test]
    public async Task AcquireToken_TwoInstancesWithTheirOwnRedisClients_ShareOneToken()
    {
        var server = Own(await RedisServer.StartAsync());
        var first = await _apps.App(Plugin(Client(server))).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var second = await _apps.App(Plugin(Client(server))).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        first.Source.Should().Be(TokenSource.IdentityProvider);
        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        _apps.TokenRequests.Should().Be(1);
        _logs.Warnings.Should().OnlyContain(w => w.EventId == 3108, "the only warning is that the store is unencrypted");
    }

    [Test]
    public async Task AcquireToken_WithKey_RedisHoldsTheEncryptedBlobWithSlidingTtl()
    {
        var server = Own(await RedisServer.StartAsync());
        var options = new DistributedTokenCacheOptions { EncryptionKey = TokenApps.NewKey() };
        var result = await _apps.App(new DistributedTokenCachePlugin(Client(server), options, _logs)).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var key = _apps.AppStorageKey();

        var blob = await Client(server).GetAsync(key);
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{server.Port}");
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(key);

        blob.Should().NotBeNull();
        blob!.AsSpan(0, 3).ToArray().Should().Equal((byte)'A', (byte)'T', (byte)1);
        Encoding.Latin1.GetString(blob).Should().NotContain(result.AccessToken).And.NotContain("AccessToken");
        ttl.Should().BeCloseTo(TimeSpan.FromDays(1), TimeSpan.FromMinutes(1));
    }

    [Test]
    public async Task AcquireToken_RedisKilled_NextCallsSucceedFromTheIdentityProviderWithoutWaitingOnRedis()
    {
        var server = Own(await RedisServer.StartAsync());
        var client = Client(server);
        var options = new DistributedTokenCacheOptions { OperationTimeout = TimeSpan.FromSeconds(1) };
        var warm = _apps.App(new DistributedTokenCachePlugin(client, options, _logs));
        await warm.AcquireTokenByClientCredentialAsync(TokenApps.Request);
        await _apps.App(new DistributedTokenCachePlugin(client, options)).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var plugin = new DistributedTokenCachePlugin(client, options, _logs);

        server.Kill();
        var (first, firstTime) = await TimedAsync(() => _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request));
        var (next, nextTime) = await TimedAsync(() => _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request));
        var (memory, _) = await TimedAsync(() => warm.AcquireTokenByClientCredentialAsync(TokenApps.Request));

        await TestContext.Out.WriteLineAsync($"Redis down: first call {firstTime.TotalMilliseconds:F0} ms, next call {nextTime.TotalMilliseconds:F0} ms");
        first.Source.Should().Be(TokenSource.IdentityProvider);
        next.Source.Should().Be(TokenSource.IdentityProvider);
        memory.Source.Should().Be(TokenSource.Cache, "an instance keeps serving its in-memory tokens");
        firstTime.Should().BeLessThan(TimeSpan.FromSeconds(4), "one Redis read is abandoned after the 1 s OperationTimeout");
        nextTime.Should().BeLessThan(TimeSpan.FromSeconds(1), "Redis is skipped during the cool-down");
        _logs.Warnings.Should().Contain(w => w.EventId == 3100);
        _apps.TokenRequests.Should().Be(3);
    }

    private static async Task<(AuthenticationResult Result, TimeSpan Elapsed)> TimedAsync(Func<Task<AuthenticationResult>> call)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await call();
        return (result, stopwatch.Elapsed);
    }

    private DistributedTokenCachePlugin Plugin(RedisCache cache) => new(cache, loggerFactory: _logs);

    private RedisCache Client(RedisServer server) => Own(server.CreateClient());

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
