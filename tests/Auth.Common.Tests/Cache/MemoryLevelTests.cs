using Auth.Common.Cache;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Cache;

/// <summary>The memory level in front of a plugin that implements <see cref="ITokenCacheMemoryLevel"/>.</summary>
[TestFixture]
public sealed class MemoryLevelTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    [Test]
    public async Task Reads_WithinTheLifetime_SkipThePlugin_AndAfterItReadTheStoreAgain()
    {
        var plugin = new StorePlugin(TimeSpan.FromMinutes(1));
        var cache = Accessor(plugin);
        await WriteAsync(cache, "alice");
        plugin.Calls.Clear();

        for (var i = 0; i < 5; i++)
        {
            (await ReadAsync(cache, "alice")).Should().BeTrue();
        }

        plugin.Calls.Should().BeEmpty("the partition matched the store less than a minute ago");
        _time.Advance(TimeSpan.FromMinutes(1));
        (await ReadAsync(cache, "alice")).Should().BeTrue();
        plugin.Calls.Should().Equal("before alice", "after alice");
    }

    [Test]
    public async Task Writes_AlwaysGoThroughThePlugin()
    {
        var plugin = new StorePlugin(TimeSpan.FromMinutes(1));
        var cache = Accessor(plugin);
        await WriteAsync(cache, "alice");
        plugin.Calls.Clear();

        await WriteAsync(cache, "alice");

        plugin.Calls.Should().Equal("before alice", "after alice (changed)");
    }

    [Test]
    public async Task Reads_WhenThePluginDidNotMatchTheStore_AlwaysCallThePlugin()
    {
        var plugin = new StorePlugin(TimeSpan.FromMinutes(1)) { StoreWorks = false };
        var cache = Accessor(plugin);
        await WriteAsync(cache, "alice");
        plugin.Calls.Clear();

        await ReadAsync(cache, "alice");
        await ReadAsync(cache, "alice");

        plugin.Calls.Should().HaveCount(4, "a partition the store could not load or save is never served from memory alone");
    }

    [Test]
    public async Task Reads_AfterTheMemoryCopyChangedWithoutTheStore_CallThePlugin()
    {
        var plugin = new StorePlugin(TimeSpan.FromMinutes(1));
        var cache = Accessor(plugin);
        await WriteAsync(cache, "alice");
        cache.Store.Find("alice")!.Clear();
        plugin.Calls.Clear();

        (await ReadAsync(cache, "alice")).Should().BeTrue("the store's copy is loaded again");

        plugin.Calls.Should().Equal("before alice", "after alice");
    }

    [Test]
    public async Task PartitionLimit_DropsThePartitionsSyncedLongestAgo_FromMemoryOnly()
    {
        var plugin = new StorePlugin(TimeSpan.FromMinutes(1), limit: 10);
        var cache = Accessor(plugin);
        for (var i = 0; i < 11; i++)
        {
            await WriteAsync(cache, $"user{i}");
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        cache.Memory!.Count.Should().Be(9, "over the limit the level shrinks to nine tenths of it");
        cache.Store.Find("user0").Should().BeNull();
        cache.Store.Find("user1").Should().BeNull();
        cache.Store.Find("user10").Should().NotBeNull();
        plugin.Calls.Clear();
        (await ReadAsync(cache, "user0")).Should().BeTrue("a dropped partition is loaded from the store again");
        plugin.Calls.Should().Equal("before user0", "after user0");
    }

    [Test]
    public async Task ExpiredPartitions_AreDroppedFromMemory_AtTheNextSweep()
    {
        var plugin = new StorePlugin(TimeSpan.FromMinutes(1));
        var cache = Accessor(plugin);
        await WriteAsync(cache, "alice");
        _time.Advance(TimeSpan.FromMinutes(2));

        await WriteAsync(cache, "bob");

        cache.Store.Find("alice").Should().BeNull();
        cache.Store.Find("bob").Should().NotBeNull();
        cache.Memory!.Count.Should().Be(1);
    }

    [Test]
    public async Task LifetimeZero_NoMemoryLevel_EveryReadCallsThePlugin()
    {
        var plugin = new StorePlugin(TimeSpan.Zero);
        var cache = Accessor(plugin);
        await WriteAsync(cache, "alice");
        plugin.Calls.Clear();

        await ReadAsync(cache, "alice");

        cache.Memory.Should().BeNull();
        plugin.Calls.Should().Equal("before alice", "after alice");
    }

    [Test]
    public async Task Reads_WithAPluginWithoutMemoryLevel_CallThePlugin()
    {
        var plugin = new PlainPlugin();
        var cache = new CacheAccessor(new TokenCacheStore(), plugin, "client1", NullLogger.Instance, time: _time);

        await cache.ReadAsync("alice", isApplicationCache: false, 0, static (_, _) => (true, false), CancellationToken.None);

        cache.Memory.Should().BeNull();
        plugin.Calls.Should().Be(2);
    }

    private CacheAccessor Accessor(ITokenCachePlugin plugin) => new(new TokenCacheStore(), plugin, "client1", NullLogger.Instance, time: _time);

    private static async Task WriteAsync(CacheAccessor cache, string home) =>
        await cache.AccessAsync(
            home,
            isApplicationCache: false,
            store =>
            {
                store.SaveAccessToken(Token(home), 1_800_000_000);
                return (true, true);
            },
            CancellationToken.None);

    private static async Task<bool> ReadAsync(CacheAccessor cache, string home) =>
        await cache.ReadAsync(home, isApplicationCache: false, home, static (store, key) => (store.Find(key)?.AccessTokens.Count > 0, false), CancellationToken.None);

    private static AccessTokenEntity Token(string home) => new()
    {
        HomeAccountId = home,
        Environment = "login.example.com",
        CredentialType = "AccessToken",
        ClientId = "client1",
        Realm = "tenant1",
        Target = "user.read",
        Secret = "at-" + home,
        CachedAt = 1_800_000_000,
        ExpiresOn = 1_800_003_600,
    };

    /// <summary>A plugin over a dictionary of blobs that asks for a memory level.</summary>
    private sealed class StorePlugin(TimeSpan lifetime, int limit = 100) : ITokenCachePlugin, ITokenCacheMemoryLevel
    {
        private readonly Dictionary<string, string> _blobs = [];

        public List<string> Calls { get; } = [];

        public bool StoreWorks { get; init; } = true;

        public TimeSpan MemoryLifetime => lifetime;

        public int MemoryPartitionLimit => limit;

        public Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
        {
            Calls.Add($"before {context.PartitionKey}");
            if (_blobs.TryGetValue(context.PartitionKey, out var json))
            {
                context.TokenCache.Deserialize(json);
            }

            context.MatchesStore = StoreWorks;
            return Task.CompletedTask;
        }

        public Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
        {
            Calls.Add($"after {context.PartitionKey}{(context.CacheHasChanged ? " (changed)" : string.Empty)}");
            if (context.CacheHasChanged)
            {
                _blobs[context.PartitionKey] = context.TokenCache.Serialize();
                context.MatchesStore = StoreWorks;
            }

            return Task.CompletedTask;
        }
    }

    private sealed class PlainPlugin : ITokenCachePlugin
    {
        public int Calls { get; private set; }

        public Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
        {
            Calls++;
            context.MatchesStore = true;
            return Task.CompletedTask;
        }

        public Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.CompletedTask;
        }
    }
}
