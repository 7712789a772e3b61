using Auth.Common.Cache;

namespace Auth.Common.Tests.Cache;

/// <summary>A plugin's blob is parsed only when it differs from what the partition last read or wrote.</summary>
[TestFixture]
public sealed class PartitionBlobTests
{
    private const string Key = "client1_t1_AppTokenCache";

    [Test]
    public void DeserializePartition_TheBlobJustWritten_IsNotParsedAgain()
    {
        var store = StoreWithOneToken();
        var blob = store.SerializePartition(Key);
        var version = store.Find(Key)!.Version;

        store.DeserializePartition(Key, blob);
        store.DeserializePartition(Key, new string(blob.AsSpan()));

        store.Find(Key)!.Version.Should().Be(version, "an equal blob leaves the partition untouched");
    }

    [Test]
    public void DeserializePartition_AnotherBlob_IsParsed()
    {
        var store = StoreWithOneToken();
        var blob = store.SerializePartition(Key);
        var other = blob.Replace("secret-1", "secret-2", StringComparison.Ordinal);

        store.DeserializePartition(Key, other);

        store.Find(Key)!.AccessTokens.Single().Secret.Should().Be("secret-2");
    }

    [Test]
    public void DeserializePartition_SameBlobAfterAnInMemoryChange_IsParsed()
    {
        var store = StoreWithOneToken();
        var blob = store.SerializePartition(Key);
        store.SaveAccessToken(Token("api://b/.default", "secret-b"), 1_800_000_000);

        store.DeserializePartition(Key, blob);

        store.Find(Key)!.AccessTokens.Select(t => t.Secret).Should().Equal("secret-1");
    }

    private static TokenCacheStore StoreWithOneToken()
    {
        var store = new TokenCacheStore();
        store.SaveAccessToken(Token("api://a/.default", "secret-1"), 1_800_000_000);
        return store;
    }

    private static AccessTokenEntity Token(string target, string secret) => new()
    {
        HomeAccountId = string.Empty,
        Environment = "login.example.com",
        CredentialType = CacheKeys.AccessTokenType,
        ClientId = "client1",
        Realm = "t1",
        Target = target,
        Secret = secret,
        CachedAt = 1_800_000_000,
        ExpiresOn = 1_800_003_600,
        TokenType = "Bearer",
    };
}
