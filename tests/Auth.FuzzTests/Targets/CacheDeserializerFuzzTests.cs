using Auth.Common.Cache;
using Auth.FuzzTests.Generators;
using Auth.FuzzTests.Harness;
using CsCheck;

namespace Auth.FuzzTests.Targets;

/// <summary>
/// The token cache reader (<see cref="StoreSerialization.Deserialize"/>, the path every plugin's blob
/// takes): any text is read or refused with <c>cache_deserialization_failed</c>, and a cache it
/// accepted is written and read back without error.
/// </summary>
[TestFixture]
public sealed class CacheDeserializerFuzzTests
{
    private static readonly string[] Sections = ["Account", "IdToken", "AccessToken", "RefreshToken", "AppMetadata", "Unknown"];

    private static readonly string[] EntityFields =
    [
        "home_account_id", "environment", "credential_type", "client_id", "secret", "realm", "target", "cached_at",
        "expires_on", "extended_expires_on", "refresh_on", "token_type", "family_id", "local_account_id", "username",
        "authority_type", "name", "client_info", "keyid", "requested_claims", "ext_expires_on", "last_modification_time",
    ];

    private static readonly Mutator Json = new("{", "}", "[", "]", ":", ",", "\"AccessToken\":", "\"expires_on\":", "\"cached_at\":\"", "\"secret\":", "{\"a\":{}}");

    [Test]
    public async Task Deserialize_AnyText_ReadsOrRefusesWithAuthException()
    {
        var entity = JsonGen.ObjectOf(EntityFields, Gen.Frequency(
            (3, JsonGen.Value(2)),
            (2, Gen.Long.Select(n => $"\"{n}\"")),
            (1, Gen.Const("\"1730003600\""))));
        var section = Gen.Select(JsonGen.Value(0).Select(key => key.Trim('"')), Gen.Frequency((5, entity), (1, JsonGen.Value(2))))
            .Array[0, 4].Select(JsonGen.Object);
        var document = Gen.Select(Gen.Int[0, Sections.Length - 1], section).Array[0, 6]
            .Select(parts => JsonGen.Object([.. parts.Select(p => (Sections[p.Item1], p.Item2))]));
        var inputs = Gen.Frequency(
            (4, Json.Mutate([Seeds.CacheExample])),
            (3, document),
            (1, Gen.String),
            (1, Gen.Byte.Array[0, 512].Select(bytes => System.Text.Encoding.UTF8.GetString(bytes))));

        await new FuzzRunner<string>("cache-deserializer", inputs, s => s.Length, ReadWriteRead, FuzzPrint.Text).RunAsync();
    }

    private static void ReadWriteRead(string json)
    {
        var store = new TokenCacheStore();
        store.Deserialize(json);
        store.DeserializePartition("partition", json);
        var written = store.Serialize();
        FuzzAssert.NoException("a cache it accepted must read back", () => new TokenCacheStore().Deserialize(written));
    }
}
