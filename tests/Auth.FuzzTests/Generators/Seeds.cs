using System.Buffers.Text;
using System.Text;

namespace Auth.FuzzTests.Generators;

/// <summary>Valid inputs of each target, the starting points the mutators work from.</summary>
internal static class Seeds
{
    public const string ClientId = "00000000-0000-0000-0000-0000000000c1";
    public const string Nonce = "n-0S6_WzA2Mj";

    /// <summary>The issuer of the seed ID tokens' authority.</summary>
    public const string Issuer = "https://login.microsoftonline.com/t1/v2.0";

    /// <summary>Entra's multi-tenant issuer template, which the token's <c>tid</c> fills in.</summary>
    public const string IssuerTemplate = "https://login.microsoftonline.com/{tenantid}/v2.0";

    /// <summary>The unified cache schema example the unit tests use (MSAL's shape, every entity kind).</summary>
    public static string CacheExample =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Seeds", "schema-example.json"));

    public static string Base64Url(string json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public static string Jwt(string headerJson, string payloadJson, string signature = "c2lnbmF0dXJl") =>
        $"{Base64Url(headerJson)}.{Base64Url(payloadJson)}.{signature}";

    /// <summary>The claims of a valid ID token for <see cref="ClientId"/> with <see cref="Nonce"/>.</summary>
    public static readonly (string Name, string Value)[] IdTokenClaims =
    [
        ("aud", $"\"{ClientId}\""), ("iss", "\"https://login.microsoftonline.com/t1/v2.0\""), ("iat", "1700000000"), ("exp", "4102444800"),
        ("nonce", $"\"{Nonce}\""), ("oid", "\"o1\""), ("tid", "\"t1\""), ("preferred_username", "\"ada@contoso.com\""), ("emails", "[\"ada@contoso.com\"]"),
    ];

    /// <summary>The fields of a valid user token response (its ID token from the token response target's issuer).</summary>
    public static readonly (string Name, string Value)[] TokenFields =
    [
        ("token_type", "\"Bearer\""), ("scope", "\"openid profile offline_access User.Read\""), ("expires_in", "3599"), ("ext_expires_in", "3599"),
        ("refresh_in", "1800"), ("access_token", "\"at\""), ("refresh_token", "\"rt\""),
        ("id_token", $"\"{Jwt("{\"alg\":\"RS256\"}", "{\"aud\":\"" + ClientId + "\",\"iss\":\"https://idp.example.org/tenant\",\"exp\":4102444800,\"oid\":\"o1\",\"tid\":\"t1\"}")}\""),
        ("client_info", $"\"{Base64Url("{\"uid\":\"o1\",\"utid\":\"t1\"}")}\""), ("foci", "\"1\""),
    ];

    public static readonly string[] IdTokens =
    [
        Jwt("{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}", $"{{\"aud\":\"{ClientId}\",\"iss\":\"https://login.microsoftonline.com/t1/v2.0\",\"iat\":1700000000,\"nbf\":1700000000,\"exp\":4102444800,\"nonce\":\"{Nonce}\",\"oid\":\"o1\",\"tid\":\"t1\",\"preferred_username\":\"ada@contoso.com\",\"name\":\"Ada\"}}"),
        Jwt("{\"alg\":\"ES256\"}", $"{{\"aud\":[\"other\",\"{ClientId}\"],\"exp\":\"4102444800\",\"nonce\":\"{Nonce}\",\"sub\":\"s\"}}"),
        Jwt("{\"alg\":\"none\"}", $"{{\"aud\":\"{ClientId}\",\"exp\":253402300799}}", string.Empty),
    ];

    public static readonly string[] TokenResponses =
    [
        $"{{\"token_type\":\"Bearer\",\"scope\":\"openid profile offline_access User.Read\",\"expires_in\":3599,\"ext_expires_in\":3599,\"refresh_in\":1800,\"access_token\":\"eyJ0eXAiOiJKV1QifQ.e30.sig\",\"refresh_token\":\"1.AQABAAAAAAD\",\"id_token\":\"{IdTokens[0]}\",\"client_info\":\"{Base64Url("{\"uid\":\"o1\",\"utid\":\"t1\"}")}\",\"foci\":\"1\"}}",
        "{\"token_type\":\"bearer\",\"expires_in\":\"3600\",\"access_token\":\"at\"}",
        "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: The refresh token has expired.\",\"error_codes\":[70008],\"timestamp\":\"2024-01-01 00:00:00Z\",\"trace_id\":\"t\",\"correlation_id\":\"c\",\"suberror\":\"bad_token\",\"claims\":\"{\\\"access_token\\\":{}}\"}",
        "{\"error\":\"temporarily_unavailable\",\"error_codes\":[50196]}",
        "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>",
    ];

    public static readonly string[] Authorities =
    [
        "https://login.microsoftonline.com/contoso.onmicrosoft.com",
        "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/",
        "https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_signin",
        "https://login.contoso.com/tfp/contoso.onmicrosoft.com/B2C_1_signin",
        "https://contoso.ciamlogin.com/",
        "https://adfs.contoso.com/adfs",
        "https://accounts.example.org:8443/realms/main",
        "http://127.0.0.1:5000/tenant",
        "http://localhost/tenant",
        "https://[::1]:443/common",
    ];

    public static readonly string[] LoopbackRequests =
    [
        "GET /?code=0.AQ-abc&state=s1&session_state=x HTTP/1.1\r\nHost: 127.0.0.1:51234\r\nUser-Agent: Mozilla/5.0\r\nAccept: text/html\r\n\r\n",
        "GET /?error=access_denied&error_description=The+user+cancelled%2E&state=s1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "POST / HTTP/1.0\r\nContent-Length: 10\r\n\r\ncode=x&s=y",
    ];
}
