using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.Common.Cache;
using Auth.Common.Errors;

namespace Auth.Common.Tests.Cache;

[TestFixture]
public sealed class CacheSerializationTests
{
    private static string Example => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "schema-example.json"));

    [Test]
    public void RoundTrip_SchemaExample_KeepsEveryEntityFieldByField()
    {
        var store = new TokenCacheStore();

        store.Deserialize(Example);
        var written = JsonNode.Parse(store.Serialize())!.AsObject();

        var expected = JsonNode.Parse(Example)!.AsObject();
        foreach (var section in expected)
        {
            written.Should().ContainKey(section.Key);
            foreach (var entry in section.Value!.AsObject())
            {
                var actual = written[section.Key]![entry.Key];
                actual.Should().NotBeNull($"{section.Key}/{entry.Key} must be written under the same key");
                JsonNode.DeepEquals(actual, entry.Value).Should().BeTrue($"{section.Key}/{entry.Key} must round-trip: {actual?.ToJsonString()}");
            }
        }
    }

    [Test]
    public void Serialize_TimesAreStringsOfEpochSeconds()
    {
        var store = new TokenCacheStore();
        store.Deserialize(Example);

        using var document = JsonDocument.Parse(store.Serialize());

        var at = document.RootElement.GetProperty("AccessToken").EnumerateObject().First().Value;
        at.GetProperty("expires_on").ValueKind.Should().Be(JsonValueKind.String);
        at.GetProperty("cached_at").GetString().Should().MatchRegex("^[0-9]+$");
    }

    [Test]
    public void Deserialize_NumbersInsteadOfStrings_AreAccepted()
    {
        var json = """
            {"AccessToken":{"k":{"home_account_id":"","environment":"e","credential_type":"AccessToken","client_id":"c","secret":"s",
              "realm":"t","target":"a/.default","cached_at":1,"expires_on":2}}}
            """;
        var store = new TokenCacheStore();

        store.Deserialize(json);

        store.Find(CacheKeys.AppPartition("c", "t"))!.AccessTokens.Single().ExpiresOn.Should().Be(2);
    }

    [Test]
    public void Deserialize_EntryWithoutHomeAccountIdOrRealm_IsReadAsAppToken()
    {
        var json = """
            {"AccessToken":{"whatever":{"environment":"e","credential_type":"AccessToken","client_id":"c","secret":"s",
              "target":"a/.default","cached_at":"1","expires_on":"2"}}}
            """;
        var store = new TokenCacheStore();

        store.Deserialize(json);

        var key = store.Find(CacheKeys.AppPartition("c", string.Empty))!.AccessTokenKeys.Single();
        key.Should().Be("-e-accesstoken-c--a/.default", "keys are derived from the fields, not trusted from the JSON");
    }

    [Test]
    public void Deserialize_IncompleteEntries_AreDropped()
    {
        var json = """
            {"AccessToken":{"k":{"environment":"e","credential_type":"AccessToken","client_id":"c","target":"a","expires_on":"2"}}}
            """;
        var store = new TokenCacheStore();

        store.Deserialize(json);

        store.Partitions.SelectMany(p => p.AccessTokens).Should().BeEmpty();
    }

    [TestCase("{not json")]
    [TestCase("""{"AccessToken":{"k":{"expires_on":"tomorrow"}}}""")]
    [TestCase("""{"AccessToken":[1,2]}""")]
    [TestCase("""{"AccessToken":{"k":{"secret":42}}}""")]
    public void Deserialize_BadJson_ThrowsAndLeavesCacheUnchanged(string json)
    {
        var store = new TokenCacheStore();
        store.Deserialize(Example);
        var before = store.Serialize();

        var act = () => store.Deserialize(json);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.CacheDeserializationFailed);
        store.Serialize().Should().Be(before);
    }

    [Test]
    public void SerializePartition_WritesOnlyThatPartition()
    {
        var store = new TokenCacheStore();
        store.Deserialize(Example);

        var app = JsonNode.Parse(store.SerializePartition(CacheKeys.AppPartition("c1", "t1")))!;

        app["AccessToken"]!.AsObject().Select(p => p.Key).Should().Equal("-login.microsoftonline.com-accesstoken-c1-t1-api://x/.default");
        app["RefreshToken"]!.AsObject().Should().BeEmpty();
        app["Account"]!.AsObject().Should().BeEmpty();
    }

    [Test]
    public void DeserializePartition_ReplacesOnlyThatPartition()
    {
        var store = new TokenCacheStore();
        store.Deserialize(Example);

        store.DeserializePartition(CacheKeys.AppPartition("c1", "t1"), "{}");

        store.Find(CacheKeys.AppPartition("c1", "t1"))!.AccessTokens.Should().BeEmpty();
        store.Find("u1.t1")!.AccessTokens.Should().HaveCount(1);
    }

    // Found by the cache deserializer fuzz target: a blob with a lone UTF-16 surrogate threw ArgumentException.
    [Test]
    public void Deserialize_LoneSurrogate_IsCacheDeserializationFailed()
    {
        var store = new TokenCacheStore();

        var act = () => store.Deserialize("{\"Account\":{\"u\ud800\ud8001\":{}}}");

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.CacheDeserializationFailed);
    }
}
