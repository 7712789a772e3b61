using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Auth.Common.Tests.TestDoubles;

/// <summary>Builds compact JWTs for parser tests (the signature part is filler: these tests never verify it).</summary>
internal static class TestJwt
{
    public static string Create(object claims, string alg = "RS256") =>
        $"{Encode(new Dictionary<string, object> { ["alg"] = alg, ["typ"] = "JWT" })}.{Encode(claims)}.c2lnbmF0dXJl";

    public static string IdToken(string clientId = "client1", string? nonce = null, string sub = "sub-1", string oid = "oid-1", string tid = "tid-1", long? exp = null, string? issuer = null) =>
        Create(new Dictionary<string, object?>
        {
            ["aud"] = clientId,
            ["iss"] = issuer ?? $"https://login.example.com/{tid}/v2.0",
            ["sub"] = sub,
            ["oid"] = oid,
            ["tid"] = tid,
            ["name"] = "Ada Lovelace",
            ["preferred_username"] = "ada@contoso.com",
            ["nonce"] = nonce,
            ["exp"] = exp ?? 4_102_444_800,
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!));

    public static string ClientInfo(string uid, string utid) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"uid":"{{uid}}","utid":"{{utid}}"}"""));

    private static string Encode(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
