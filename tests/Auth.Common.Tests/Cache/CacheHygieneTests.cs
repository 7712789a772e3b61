using Auth.Common.Cache;

namespace Auth.Common.Tests.Cache;

[TestFixture]
public sealed class CacheHygieneTests
{
    private const long Now = 1_800_000_000;

    [Test]
    public void Save_EvictsThePartitionsExpiredTokens_AndKeepsValidOnes()
    {
        var store = new TokenCacheStore();
        store.SaveAccessToken(AppToken("t1", "api://expired/.default", Now - 1), Now - 7200);
        store.SaveAccessToken(AppToken("t1", "api://valid/.default", Now + 600), Now - 7200);

        store.SaveAccessToken(AppToken("t1", "api://new/.default", Now + 3600), Now);

        Targets(store).Should().BeEquivalentTo(["api://valid/.default", "api://new/.default"]);
        store.AccessTokenCount.Should().Be(2);
    }

    [Test]
    public void Save_OverMaxAccessTokens_EvictsTheSoonestExpiringDownToNinetyPercent()
    {
        var store = new TokenCacheStore(maxAccessTokens: 10);
        for (var i = 0; i < 10; i++)
        {
            // Spread over partitions (tenants); expiry order differs from write order.
            store.SaveAccessToken(AppToken($"t{i % 3}", $"api://r{i}/.default", Now + 1000 + ((i * 7) % 10)), Now);
        }

        store.AccessTokenCount.Should().Be(10);

        store.SaveAccessToken(AppToken("t9", "api://r10/.default", Now + 5000), Now);

        store.AccessTokenCount.Should().Be(9);
        var expiries = store.Partitions.SelectMany(p => p.AccessTokens).Select(t => t.ExpiresOn!.Value).ToList();
        expiries.Should().HaveCount(9);
        expiries.Should().NotContain([Now + 1000, Now + 1001], "the two soonest-expiring tokens go first");
        expiries.Should().Contain(Now + 5000, "the new token expires last and stays");
    }

    [Test]
    public void Deserialize_MoreThanTheBound_KeepsTheLatestExpiring()
    {
        var source = new TokenCacheStore();
        for (var i = 0; i < 20; i++)
        {
            source.SaveAccessToken(AppToken("t1", $"api://r{i}/.default", Now + 100 + i), Now);
        }

        var bounded = new TokenCacheStore(maxAccessTokens: 5);
        bounded.Deserialize(source.Serialize());

        bounded.AccessTokenCount.Should().Be(5);
        bounded.Partitions.SelectMany(p => p.AccessTokens).Select(t => t.ExpiresOn!.Value)
            .Should().BeEquivalentTo([Now + 115, Now + 116, Now + 117, Now + 118, Now + 119]);
    }

    [Test]
    public void Count_FollowsReplaceRemoveAndWholeCacheReload()
    {
        var store = new TokenCacheStore();
        store.SaveAccessToken(AppToken("t1", "api://a/.default", Now + 600), Now);
        store.SaveAccessToken(AppToken("t1", "api://a/.default", Now + 900), Now);
        store.SaveAccessToken(AppToken("t2", "api://a/.default", Now + 900), Now);
        store.AccessTokenCount.Should().Be(2, "the second write replaced the first");

        store.Deserialize(store.Serialize());
        store.AccessTokenCount.Should().Be(2);

        store.Deserialize("{}");
        store.AccessTokenCount.Should().Be(0);
    }

    [Test]
    public void Constructor_BoundBelowOne_Throws()
    {
        var act = () => new TokenCacheStore(maxAccessTokens: 0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static IEnumerable<string?> Targets(TokenCacheStore store) =>
        store.Partitions.SelectMany(p => p.AccessTokens).Select(t => t.Target);

    private static AccessTokenEntity AppToken(string tenant, string target, long expiresOn) => new()
    {
        HomeAccountId = string.Empty,
        Environment = "login.example.com",
        CredentialType = CacheKeys.AccessTokenType,
        ClientId = "client1",
        Realm = tenant,
        Target = target,
        Secret = "secret-" + target,
        CachedAt = Now - 60,
        ExpiresOn = expiresOn,
        TokenType = "Bearer",
    };
}
