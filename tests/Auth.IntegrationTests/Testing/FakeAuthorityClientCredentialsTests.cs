using System.Net;
using Auth.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityClientCredentialsTests
{
    private const string ClientId = "5d3a4d0e-client-credentials";
    private const string Secret = "p@ss word+/=";

    private FakeAuthority _authority = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public void OneTimeSetUp()
    {
        _authority = FakeAuthority.Start();
        _authority.RegisterClient(ClientId, Secret);
        _http = _authority.CreateHttpClient();
    }

    [OneTimeTearDown]
    public void OneTimeTearDown()
    {
        _http.Dispose();
        _authority.Dispose();
    }

    [Test]
    public async Task ClientCredentials_SecretInForm_ReturnsJwtSignedByTheJwksKeyWithAppClaims()
    {
        var form = TokenClient.ClientCredentials(ClientId, "api://orders/.default");
        form["client_secret"] = Secret;

        var response = await TokenClient.PostAsync(_http, _authority, form);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var json = await TokenClient.JsonAsync(response);
        json.GetProperty("token_type").GetString().Should().Be("Bearer");
        json.GetProperty("expires_in").GetInt32().Should().Be(3600);
        json.GetProperty("ext_expires_in").GetInt32().Should().Be(3600);
        json.TryGetProperty("refresh_in", out _).Should().BeFalse();
        var token = json.GetProperty("access_token").GetString()!;
        var jwks = await _http.GetStringAsync($"{_authority.Authority}/discovery/v2.0/keys");
        JwtInspector.VerifiesWith(token, jwks).Should().BeTrue();
        JwtInspector.Header(token).GetProperty("alg").GetString().Should().Be("RS256");
        var claims = JwtInspector.Payload(token);
        claims.GetProperty("aud").GetString().Should().Be("api://orders");
        claims.GetProperty("iss").GetString().Should().Be(_authority.Issuer);
        claims.GetProperty("tid").GetString().Should().Be(_authority.TenantId);
        claims.GetProperty("appid").GetString().Should().Be(ClientId);
        claims.GetProperty("azp").GetString().Should().Be(ClientId);
        claims.GetProperty("idtyp").GetString().Should().Be("app");
        claims.GetProperty("ver").GetString().Should().Be("2.0");
        claims.GetProperty("roles").GetArrayLength().Should().Be(0);
        Guid.TryParse(claims.GetProperty("oid").GetString(), out _).Should().BeTrue();
        claims.GetProperty("sub").GetString().Should().Be(claims.GetProperty("oid").GetString());
        claims.GetProperty("uti").GetString().Should().NotBeNullOrEmpty();
        (claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64()).Should().Be(3600);
        claims.GetProperty("nbf").GetInt64().Should().Be(claims.GetProperty("iat").GetInt64());
    }

    [Test]
    public async Task ClientCredentials_SecretInBasicHeader_ReturnsTokenWithStableObjectId()
    {
        var viaForm = TokenClient.ClientCredentials(ClientId);
        viaForm["client_secret"] = Secret;
        var first = await TokenClient.JsonAsync(await TokenClient.PostAsync(_http, _authority, viaForm));
        var form = TokenClient.ClientCredentials(ClientId);
        form.Remove("client_id");

        var response = await TokenClient.PostAsync(_http, _authority, form, (ClientId, Secret));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var claims = JwtInspector.Payload((await TokenClient.JsonAsync(response)).GetProperty("access_token").GetString()!);
        claims.GetProperty("appid").GetString().Should().Be(ClientId);
        claims.GetProperty("oid").GetString().Should().Be(JwtInspector.Payload(first.GetProperty("access_token").GetString()!).GetProperty("oid").GetString());
    }

    [Test]
    public async Task ClientCredentials_WrongSecret_Returns401InvalidClientWithoutTheSecret()
    {
        var form = TokenClient.ClientCredentials(ClientId);
        form["client_secret"] = "wrong-secret-value";

        var response = await TokenClient.PostAsync(_http, _authority, form);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain("wrong-secret-value");
        var json = await TokenClient.JsonAsync(response);
        json.GetProperty("error").GetString().Should().Be("invalid_client");
        json.GetProperty("error_description").GetString().Should().StartWith("AADSTS7000215: ").And.Contain("Trace ID: ").And.Contain("Correlation ID: ");
        json.GetProperty("error_codes").EnumerateArray().Select(code => code.GetInt32()).Should().Equal(7000215);
        Guid.TryParse(json.GetProperty("trace_id").GetString(), out _).Should().BeTrue();
        Guid.TryParse(json.GetProperty("correlation_id").GetString(), out _).Should().BeTrue();
        json.GetProperty("timestamp").GetString().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$");
    }

    [Test]
    public async Task ClientCredentials_WrongSecretInBasicHeader_ChallengesWithWwwAuthenticate()
    {
        var form = TokenClient.ClientCredentials(ClientId);

        var response = await TokenClient.PostAsync(_http, _authority, form, (ClientId, "nope"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle(challenge => challenge.Scheme == "Basic");
    }

    [TestCase("unknown-app", "x", 400, "unauthorized_client", 700016)]
    [TestCase(ClientId, "api://orders", 400, "invalid_scope", 1002012)]
    [TestCase(ClientId, "api://a/.default api://b/.default", 400, "invalid_scope", 70011)]
    [TestCase(ClientId, null, 400, "invalid_request", 900144)]
    public async Task ClientCredentials_InvalidRequest_ReturnsEntraError(string clientId, string? scope, int status, string error, int code)
    {
        var form = TokenClient.ClientCredentials(clientId, scope ?? string.Empty);
        form["client_secret"] = Secret;

        var response = await TokenClient.PostAsync(_http, _authority, form);

        ((int)response.StatusCode).Should().Be(status);
        var json = await TokenClient.JsonAsync(response);
        json.GetProperty("error").GetString().Should().Be(error);
        json.GetProperty("error_codes")[0].GetInt32().Should().Be(code);
    }

    [Test]
    public async Task Token_UnsupportedGrantType_Returns400UnsupportedGrantType()
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "urn:example:unknown", ["client_id"] = ClientId };

        var response = await TokenClient.PostAsync(_http, _authority, form);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TokenClient.JsonAsync(response)).GetProperty("error").GetString().Should().Be("unsupported_grant_type");
    }

    [Test]
    public async Task AccessTokenLifetime_ThreeHours_AddsRefreshInOfHalfTheLifetime()
    {
        await using var authority = FakeAuthority.Start(new FakeAuthorityOptions { UseHttps = false });
        authority.RegisterClient("long-lived", "s");
        authority.AccessTokenLifetime = TimeSpan.FromHours(3);
        using var http = authority.CreateHttpClient();
        var form = TokenClient.ClientCredentials("long-lived");
        form["client_secret"] = "s";

        var json = await TokenClient.JsonAsync(await TokenClient.PostAsync(http, authority, form));

        json.GetProperty("expires_in").GetInt32().Should().Be(10800);
        json.GetProperty("ext_expires_in").GetInt32().Should().Be(10800);
        json.GetProperty("refresh_in").GetInt32().Should().Be(5400);
    }

    [Test]
    public async Task ClientCredentials_FakeTimeProvider_StampsTokensWithItsClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var authority = FakeAuthority.Start(new FakeAuthorityOptions { UseHttps = false, TimeProvider = clock });
        authority.RegisterClient("clocked", "s");
        using var http = authority.CreateHttpClient();
        var form = TokenClient.ClientCredentials("clocked");
        form["client_secret"] = "s";

        var json = await TokenClient.JsonAsync(await TokenClient.PostAsync(http, authority, form));

        var claims = JwtInspector.Payload(json.GetProperty("access_token").GetString()!);
        claims.GetProperty("iat").GetInt64().Should().Be(clock.GetUtcNow().ToUnixTimeSeconds());
        claims.GetProperty("exp").GetInt64().Should().Be(clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds());
    }
}
