using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Identity.Client;

namespace Auth.IntegrationTests.Testing;

/// <summary>The On-Behalf-Of grant: a middle-tier API exchanges the user token it received for a downstream token.</summary>
[TestFixture]
public sealed class FakeAuthorityOboTests : FakeAuthorityFixture
{
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private const string MiddleTier = "middle-tier-api";
    private const string MiddleTierSecret = "middle-tier-secret";
    private const string Spa = "spa-app";
    private const string DownstreamScope = "api://downstream/read";
    private static readonly string[] AccessAsUser = ["access_as_user"];

    private FakeTimeProvider _clock = null!;

    /// <summary>HTTPS (for MSAL) on a fresh clock per test, started at the real time so MSAL's cache sees live tokens.</summary>
    protected override FakeAuthorityOptions Options
    {
        get
        {
            _clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
            return new() { TimeProvider = _clock };
        }
    }

    [SetUp]
    public void RegisterClients()
    {
        Authority.RegisterClient(MiddleTier, MiddleTierSecret);
        Authority.RegisterPublicClient(Spa);
    }

    [Test]
    public async Task Obo_SecretAndAppIdUriAudience_IssuesTheSameUsersTokenForTheDownstreamResource()
    {
        var (_, signIn) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Password(Spa, Authority.DefaultUser, $"api://{MiddleTier}/access_as_user"));
        var incoming = signIn.GetProperty("access_token").GetString()!;

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, Obo(incoming, $"{DownstreamScope} openid profile"));

        status.Should().Be(HttpStatusCode.OK);
        var token = json.GetProperty("access_token").GetString()!;
        JwtInspector.VerifiesWith(token, Authority.JwksJson).Should().BeTrue();
        var claims = JwtInspector.Payload(token);
        claims.GetProperty("oid").GetString().Should().Be(Authority.DefaultUser.ObjectId);
        claims.GetProperty("tid").GetString().Should().Be(Authority.TenantId);
        claims.GetProperty("aud").GetString().Should().Be("api://downstream");
        claims.GetProperty("azp").GetString().Should().Be(MiddleTier);
        claims.GetProperty("azpacr").GetString().Should().Be("1");
        claims.GetProperty("scp").GetString().Should().Be("read");
        claims.GetProperty("idtyp").GetString().Should().Be("user");
        claims.GetProperty("sub").GetString().Should().NotBe(JwtInspector.Payload(incoming).GetProperty("sub").GetString(), "sub is pairwise per client")
            .And.Be(JwtInspector.Payload(json.GetProperty("id_token").GetString()!).GetProperty("sub").GetString());
        json.GetProperty("scope").GetString().Should().Be($"{DownstreamScope} openid profile");
        json.TryGetProperty("refresh_token", out _).Should().BeFalse("offline_access was not asked for");
        Authority.RequestCount(JwtBearer).Should().Be(1);
    }

    [Test]
    public async Task Obo_BasicSecretWithOfflineAccessAndClientInfo_ReturnsRefreshTokenIdTokenAndClientInfo()
    {
        var form = Obo(UserToken(MiddleTier), $"{DownstreamScope} offline_access openid", secret: null);
        form["client_info"] = "1";

        using var response = await TokenClient.PostAsync(Http, Authority, form, (MiddleTier, MiddleTierSecret));
        var json = await TokenClient.JsonAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        json.GetProperty("refresh_token").GetString().Should().NotBeNullOrEmpty();
        JwtInspector.Payload(json.GetProperty("id_token").GetString()!).GetProperty("aud").GetString().Should().Be(MiddleTier);
        using var clientInfo = JsonDocument.Parse(Base64Url.DecodeFromChars(json.GetProperty("client_info").GetString()));
        clientInfo.RootElement.GetProperty("uid").GetString().Should().Be(Authority.DefaultUser.ObjectId);
        clientInfo.RootElement.GetProperty("utid").GetString().Should().Be(Authority.TenantId);
    }

    [Test]
    public async Task Obo_ClientAssertion_AuthenticatesTheMiddleTierByCertificate()
    {
        Authority.RegisterClient("cert-api", TestCertificates.Client);
        var form = Obo(UserToken("cert-api"), DownstreamScope, clientId: "cert-api", secret: null);
        form["client_assertion_type"] = TokenClient.AssertionType;
        form["client_assertion"] = ClientAssertions.Create(TestCertificates.Client, "cert-api", Authority.TokenEndpoint.ToString());

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, form);

        status.Should().Be(HttpStatusCode.OK);
        var claims = JwtInspector.Payload(json.GetProperty("access_token").GetString()!);
        claims.GetProperty("azp").GetString().Should().Be("cert-api");
        claims.GetProperty("azpacr").GetString().Should().Be("2");
        claims.GetProperty("oid").GetString().Should().Be(Authority.DefaultUser.ObjectId);
    }

    [Test]
    public async Task Obo_AssertionForAnotherAudience_ReturnsInvalidGrant500131()
    {
        var (status, json) = await UserFlows.TokenAsync(Http, Authority, Obo(UserToken("other-api")));

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_grant", 500131);
        json.GetProperty("error_description").GetString().Should().Contain("'other-api'");
    }

    [Test]
    public async Task Obo_AssertionExpiredBeyondTheSkew_ReturnsInvalidGrant500133()
    {
        var assertion = UserToken(MiddleTier);
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, Obo(assertion));

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_grant", 500133);
    }

    [Test]
    public async Task Obo_AssertionExpiredWithinTheSkew_IsAccepted()
    {
        var assertion = UserToken(MiddleTier);
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(4));

        var (status, _) = await UserFlows.TokenAsync(Http, Authority, Obo(assertion));

        status.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Obo_TamperedAssertion_ReturnsInvalidGrant50013()
    {
        var mallory = new FakeUser { Username = "mallory@contoso.com", Password = "x" };
        Authority.RegisterUser(mallory);
        var parts = UserToken(MiddleTier).Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["oid"] = mallory.ObjectId;
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, Obo(tampered));

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_grant", 50013);
        json.GetProperty("error_description").GetString().Should().Contain("signature");
    }

    [Test]
    public async Task Obo_AppOnlyAssertion_ReturnsInvalidGrant50013()
    {
        Authority.RegisterClient("daemon-app", "daemon-secret");
        var form = TokenClient.ClientCredentials("daemon-app", $"api://{MiddleTier}/.default");
        form["client_secret"] = "daemon-secret";
        var (_, appToken) = await UserFlows.TokenAsync(Http, Authority, form);

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, Obo(appToken.GetProperty("access_token").GetString()!));

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_grant", 50013);
        json.GetProperty("error_description").GetString().Should().Contain("app-only");
    }

    [Test]
    public async Task Obo_IdTokenAsAssertion_ReturnsInvalidGrant50013()
    {
        var form = UserFlows.Password(MiddleTier, Authority.DefaultUser, "openid profile");
        form["client_secret"] = MiddleTierSecret;
        var (_, signIn) = await UserFlows.TokenAsync(Http, Authority, form);

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, Obo(signIn.GetProperty("id_token").GetString()!));

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_grant", 50013);
    }

    [Test]
    public async Task Obo_FromAPublicClient_ReturnsInvalidClient7000218()
    {
        var (status, json) = await UserFlows.TokenAsync(Http, Authority, Obo(UserToken(Spa), clientId: Spa, secret: null));

        UserFlows.ShouldBeError(status, json, HttpStatusCode.Unauthorized, "invalid_client", 7000218);
    }

    [Test]
    public async Task Obo_NotAJwt_ReturnsInvalidGrant50027()
    {
        var (status, json) = await UserFlows.TokenAsync(Http, Authority, Obo("not-a-jwt"));

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_grant", 50027);
    }

    [Test]
    public async Task Obo_UserNoLongerRegistered_ReturnsInvalidGrant50034()
    {
        var grace = new FakeUser { Username = "grace@contoso.com", Password = "cobol" };
        var assertion = Authority.IssueUserAccessToken(grace, MiddleTier, AccessAsUser);
        Authority.RegisterUser(grace with { ObjectId = Guid.NewGuid().ToString() });

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, Obo(assertion));

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_grant", 50034);
    }

    [Test]
    public async Task Obo_SentToAnotherTenant_ReturnsInvalidGrant50013()
    {
        var otherTenant = new Uri(Authority.BaseUri, $"{Guid.NewGuid()}/oauth2/v2.0/token");
        using var content = new FormUrlEncodedContent(Obo(UserToken(MiddleTier)));

        using var response = await Http.PostAsync(otherTenant, content);
        var json = await TokenClient.JsonAsync(response);

        UserFlows.ShouldBeError(response.StatusCode, json, HttpStatusCode.BadRequest, "invalid_grant", 50013);
        json.GetProperty("error_description").GetString().Should().Contain(Authority.TenantId);
    }

    [Test]
    public async Task Obo_WithoutRequestedTokenUse_ReturnsInvalidRequest900144()
    {
        var form = Obo(UserToken(MiddleTier));
        form.Remove("requested_token_use");

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, form);

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_request", 900144);
    }

    [Test]
    public async Task Obo_RefreshToken_IsRedeemedByTheMiddleTierForTheSameUser()
    {
        var (_, obo) = await UserFlows.TokenAsync(Http, Authority, Obo(UserToken(MiddleTier), $"{DownstreamScope} offline_access"));
        var refresh = UserFlows.Refresh(MiddleTier, obo.GetProperty("refresh_token").GetString()!);
        refresh["client_secret"] = MiddleTierSecret;

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, refresh);

        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("refresh_token").GetString().Should().NotBe(refresh["refresh_token"]);
        var claims = JwtInspector.Payload(json.GetProperty("access_token").GetString()!);
        claims.GetProperty("oid").GetString().Should().Be(Authority.DefaultUser.ObjectId);
        claims.GetProperty("aud").GetString().Should().Be("api://downstream");
        claims.GetProperty("azp").GetString().Should().Be(MiddleTier);
        Authority.RequestCount("refresh_token").Should().Be(1);
        Authority.RequestCount(JwtBearer).Should().Be(1);
    }

    [Test]
    public async Task IssueUserAccessToken_ValidatesAgainstJwksAndIsAcceptedAsAnOboAssertion()
    {
        var token = Authority.IssueUserAccessToken(Authority.DefaultUser, MiddleTier, AccessAsUser, TimeSpan.FromMinutes(10));
        using var discovery = JsonDocument.Parse(await Http.GetStringAsync(new Uri($"{Authority.Issuer}/.well-known/openid-configuration")));
        var jwks = await Http.GetStringAsync(new Uri(discovery.RootElement.GetProperty("jwks_uri").GetString()!));

        var (status, _) = await UserFlows.TokenAsync(Http, Authority, Obo(token));

        JwtInspector.VerifiesWith(token, jwks).Should().BeTrue();
        var claims = JwtInspector.Payload(token);
        claims.GetProperty("iss").GetString().Should().Be(Authority.Issuer);
        claims.GetProperty("aud").GetString().Should().Be(MiddleTier);
        claims.GetProperty("azp").GetString().Should().Be(MiddleTier);
        claims.GetProperty("scp").GetString().Should().Be("access_as_user");
        claims.GetProperty("idtyp").GetString().Should().Be("user");
        claims.GetProperty("oid").GetString().Should().Be(Authority.DefaultUser.ObjectId);
        (claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64()).Should().Be(600);
        status.Should().Be(HttpStatusCode.OK);
        Authority.RequestCount(JwtBearer).Should().Be(1, "minting the assertion sends no request");
    }

    [Test]
    public async Task Msal_AcquireTokenOnBehalfOf_GetsTheUsersDownstreamTokenThenServesItFromCache()
    {
        var app = ConfidentialClientApplicationBuilder.Create(MiddleTier)
            .WithAuthority(Authority.Authority)
            .WithInstanceDiscovery(false)
            .WithClientSecret(MiddleTierSecret)
            .WithHttpClientFactory(new FixedMsalHttpClientFactory(Http))
            .Build();
        var assertion = new UserAssertion(UserToken(MiddleTier));

        var first = await app.AcquireTokenOnBehalfOf([DownstreamScope], assertion).ExecuteAsync();
        var second = await app.AcquireTokenOnBehalfOf([DownstreamScope], assertion).ExecuteAsync();

        first.AuthenticationResultMetadata.TokenSource.Should().Be(TokenSource.IdentityProvider);
        JwtInspector.Payload(first.AccessToken).GetProperty("aud").GetString().Should().Be("api://downstream");
        first.Account.HomeAccountId.ObjectId.Should().Be(Authority.DefaultUser.ObjectId);
        first.TenantId.Should().Be(Authority.TenantId);
        second.AuthenticationResultMetadata.TokenSource.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        Authority.RequestCount(JwtBearer).Should().Be(1);
    }

    private string UserToken(string audienceClientId) =>
        Authority.IssueUserAccessToken(Authority.DefaultUser, audienceClientId, AccessAsUser);

    private static Dictionary<string, string> Obo(string assertion, string scope = DownstreamScope, string clientId = MiddleTier, string? secret = MiddleTierSecret)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = JwtBearer,
            ["requested_token_use"] = "on_behalf_of",
            ["assertion"] = assertion,
            ["scope"] = scope,
            ["client_id"] = clientId,
        };
        if (secret is not null)
        {
            form["client_secret"] = secret;
        }

        return form;
    }
}
