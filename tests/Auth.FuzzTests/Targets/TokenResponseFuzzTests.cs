using System.Globalization;
using Auth.Common.Authority;
using Auth.Common.Pipeline;
using Auth.Common.Platform;
using Auth.Common.Requests;
using Auth.FuzzTests.Doubles;
using Auth.FuzzTests.Generators;
using Auth.FuzzTests.Harness;
using Auth.Server;
using CsCheck;

namespace Auth.FuzzTests.Targets;

/// <summary>
/// The token endpoint's answer, from the parser (<see cref="TokenResponseParser"/>: never throws,
/// returns a token or an error) to the public methods that cache it and build the result
/// (client credentials and refresh token): only <c>AuthException</c>s come out.
/// </summary>
[TestFixture]
public sealed class TokenResponseFuzzTests
{
    private const string Issuer = "https://idp.example.org/tenant";

    private static readonly string Metadata =
        $"{{\"issuer\":\"{Issuer}\",\"authorization_endpoint\":\"{Issuer}/authorize\",\"token_endpoint\":\"{Issuer}/token\",\"token_endpoint_auth_methods_supported\":[\"client_secret_post\"]}}";

    private static readonly string[] Fields =
    [
        "access_token", "token_type", "expires_in", "ext_expires_in", "refresh_in", "scope", "id_token", "refresh_token", "client_info", "foci",
        "error", "error_description", "error_codes", "suberror", "claims", "trace_id", "timestamp", "correlation_id",
    ];

    private static readonly Mutator Json = new("{", "}", "[", "]", ":", ",", "\"expires_in\":", "\"error\":\"invalid_grant\",", "\"token_type\":\"pop\",", "<html>");

    private static Gen<NetworkResponse> Responses()
    {
        var value = Gen.Frequency(
            (4, JsonGen.Value(2)),
            (1, Gen.OneOf(Seeds.IdTokens.Select(t => Gen.Const(JsonGen.Quote(t))).ToArray())),
            (1, Gen.OneOf(Gen.Const("\"Bearer\""), Gen.Const("\"pop\""), Gen.Const("\"interaction_required\""), Gen.Const("\"invalid_grant\""), Gen.Const("\"bad_token\""))),
            (1, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))));
        var body = Gen.Frequency(
            (4, JsonGen.Vary(Seeds.TokenFields, value)),
            (2, JsonGen.ObjectOf(Fields, value)),
            (4, Json.Mutate(Seeds.TokenResponses)),
            (1, Gen.String));
        var status = Gen.Frequency(
            (4, Gen.OneOf(Gen.Const(200), Gen.Const(400), Gen.Const(401), Gen.Const(429), Gen.Const(500), Gen.Const(503), Gen.Const(302))),
            (1, Gen.Int[-1, 1000]));
        var retryAfter = Gen.Frequency(
            (3, Gen.Const((string?)null)),
            (1, Gen.Long.Select(n => (string?)n.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.DateTimeOffset.Select(d => (string?)d.ToString("r", CultureInfo.InvariantCulture))),
            (1, Gen.String.Select(s => (string?)s)));
        return Gen.Select(status, retryAfter, body, (code, retry, text) => new NetworkResponse
        {
            StatusCode = code,
            Headers = retry is null
                ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Retry-After"] = retry },
            Body = text,
        });
    }

    private static string Print(NetworkResponse response) =>
        $"HTTP {response.StatusCode}, Retry-After {FuzzPrint.Text(response.Headers.GetValueOrDefault("Retry-After") ?? "(none)")}, body {FuzzPrint.Text(response.Body)}";

    [Test]
    public async Task Parse_AnyAnswer_ReturnsTokenOrErrorWithoutThrowing()
    {
        await new FuzzRunner<NetworkResponse>("token-response-parser", Responses(), r => r.Body.Length, Parse, Print).RunAsync();
    }

    [Test]
    public async Task AcquireToken_AnyAnswer_SucceedsOrThrowsAuthException()
    {
        await new FuzzRunner<NetworkResponse>("token-response-end-to-end", Responses(), r => r.Body.Length, AcquireBoth, Print).RunAsync();
    }

    private static void Parse(NetworkResponse response) =>
        FuzzAssert.NoException("the parser returns errors as results", () => TokenResponseParser.Parse(response, Guid.NewGuid(), TimeProvider.System));

    private static void AcquireBoth(NetworkResponse response)
    {
        var network = new ScriptedNetworkClient(response);
        var daemon = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = Seeds.ClientId,
            Authority = Issuer,
            ProtocolMode = ProtocolMode.Oidc,
            AuthorityMetadataJson = Metadata,
            ClientCredential = ClientCredential.FromSecret("s"),
            NetworkClient = network,
        });
        FuzzAssert.Refusable(() => daemon.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"] }).GetAwaiter().GetResult());

        var user = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = Seeds.ClientId,
            Authority = Issuer,
            ProtocolMode = ProtocolMode.Oidc,
            AuthorityMetadataJson = Metadata,
            NetworkClient = network,
        });
        FuzzAssert.Refusable(() => user.AcquireTokenByRefreshTokenAsync(new RefreshTokenRequest { Scopes = ["User.Read"], RefreshToken = "rt" }).GetAwaiter().GetResult());
        foreach (var account in user.GetTokenCache().GetAllAccountsAsync().GetAwaiter().GetResult())
        {
            // What was cached from the answer is read back by the silent path.
            FuzzAssert.Refusable(() => user.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = ["User.Read"], Account = account }).GetAwaiter().GetResult());
        }
    }
}
