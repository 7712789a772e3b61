using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityAuthCodeTests : UserFlowFixture
{
    [Test]
    public async Task Authorize_PublicClientWithPkce_RedirectsToLoopbackWithCodeAndState()
    {
        var (_, challenge) = UserFlows.Pkce();

        using var response = await UserFlows.GetAuthorizeAsync(Http, Authority, UserFlows.Authorize(ClientId, challenge));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(UserFlows.RedirectUri);
        var query = UserFlows.RedirectQuery(response);
        query.Keys.Should().BeEquivalentTo("code", "state");
        query["state"].Should().Be("state-42");
        Authority.AuthorizeRequestCount.Should().Be(1);
    }

    [Test]
    public async Task AuthorizationCode_RightVerifier_ReturnsSignedIdTokenWithNonceAndUserAccessToken()
    {
        var (verifier, challenge) = UserFlows.Pkce();
        var code = await UserFlows.GetCodeAsync(Http, Authority, ClientId, challenge);

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Redeem(ClientId, code, verifier));

        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("token_type").GetString().Should().Be("Bearer");
        json.GetProperty("scope").GetString().Should().Be("openid profile api://orders/read");
        json.GetProperty("refresh_token").GetString().Should().NotBeNullOrEmpty();
        json.TryGetProperty("client_info", out _).Should().BeFalse();
        var idToken = json.GetProperty("id_token").GetString()!;
        JwtInspector.VerifiesWith(idToken, await Http.GetStringAsync($"{Authority.Authority}/discovery/v2.0/keys")).Should().BeTrue();
        var id = JwtInspector.Payload(idToken);
        id.GetProperty("nonce").GetString().Should().Be("nonce-7");
        id.GetProperty("aud").GetString().Should().Be(ClientId);
        id.GetProperty("iss").GetString().Should().Be(Authority.Issuer);
        id.GetProperty("oid").GetString().Should().Be(Authority.DefaultUser.ObjectId);
        id.GetProperty("tid").GetString().Should().Be(Authority.TenantId);
        id.GetProperty("preferred_username").GetString().Should().Be("ada@contoso.com");
        id.GetProperty("name").GetString().Should().Be("Ada Lovelace");
        id.GetProperty("ver").GetString().Should().Be("2.0");
        id.GetProperty("sub").GetString().Should().HaveLength(43);
        id.GetProperty("auth_time").GetInt64().Should().Be(Clock.GetUtcNow().ToUnixTimeSeconds());
        (id.GetProperty("exp").GetInt64() - id.GetProperty("iat").GetInt64()).Should().Be(3600);
        var access = JwtInspector.Payload(json.GetProperty("access_token").GetString()!);
        access.GetProperty("aud").GetString().Should().Be("api://orders");
        access.GetProperty("scp").GetString().Should().Be("read");
        access.GetProperty("idtyp").GetString().Should().Be("user");
        access.GetProperty("azp").GetString().Should().Be(ClientId);
        access.GetProperty("azpacr").GetString().Should().Be("0");
        access.GetProperty("oid").GetString().Should().Be(Authority.DefaultUser.ObjectId);
        access.GetProperty("sub").GetString().Should().Be(id.GetProperty("sub").GetString());
        Authority.RequestCount("authorization_code").Should().Be(1);
    }

    [Test]
    public async Task AuthorizationCode_ClientInfoRequested_ReturnsUidAndUtid()
    {
        var (verifier, challenge) = UserFlows.Pkce();
        var form = UserFlows.Redeem(ClientId, await UserFlows.GetCodeAsync(Http, Authority, ClientId, challenge), verifier);
        form["client_info"] = "1";

        var (_, json) = await UserFlows.TokenAsync(Http, Authority, form);

        using var clientInfo = JsonDocument.Parse(Base64Url.DecodeFromChars(json.GetProperty("client_info").GetString()));
        clientInfo.RootElement.GetProperty("uid").GetString().Should().Be(Authority.DefaultUser.ObjectId);
        clientInfo.RootElement.GetProperty("utid").GetString().Should().Be(Authority.TenantId);
    }

    [TestCase("wrong", 50148)]
    [TestCase(null, 501481)]
    public async Task AuthorizationCode_WrongOrMissingVerifier_ReturnsInvalidGrant(string? verifier, int code)
    {
        var (_, challenge) = UserFlows.Pkce();
        var form = UserFlows.Redeem(ClientId, await UserFlows.GetCodeAsync(Http, Authority, ClientId, challenge), verifier is null ? null : UserFlows.Pkce().Verifier);

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, form);

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_grant", code);
    }

    [Test]
    public async Task AuthorizationCode_RedeemedTwice_SecondIsInvalidGrant54005()
    {
        var (verifier, challenge) = UserFlows.Pkce();
        var form = UserFlows.Redeem(ClientId, await UserFlows.GetCodeAsync(Http, Authority, ClientId, challenge), verifier);
        await UserFlows.TokenAsync(Http, Authority, form);

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, form);

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_grant", 54005);
    }

    [Test]
    public async Task AuthorizationCode_OtherRedirectUri_ReturnsInvalidGrant500112()
    {
        var (verifier, challenge) = UserFlows.Pkce();
        var code = await UserFlows.GetCodeAsync(Http, Authority, ClientId, challenge);

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Redeem(ClientId, code, verifier, "http://127.0.0.1:5056/callback"));

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_grant", 500112);
    }

    [Test]
    public async Task AuthorizationCode_AfterTenMinutes_ReturnsInvalidGrant70008()
    {
        var (verifier, challenge) = UserFlows.Pkce();
        var code = await UserFlows.GetCodeAsync(Http, Authority, ClientId, challenge);
        Clock.Advance(TimeSpan.FromMinutes(10));

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Redeem(ClientId, code, verifier));

        status.Should().Be(HttpStatusCode.BadRequest);
        UserFlows.ErrorCode(json).Should().Be(70008);
    }

    [Test]
    public async Task AuthorizationCode_SignInAsOtherUser_IssuesTokensForThatUser()
    {
        var grace = new FakeUser { Username = "grace@contoso.com", Password = "x", Name = "Grace Hopper" };
        Authority.SignInAs(grace);
        var (verifier, challenge) = UserFlows.Pkce();
        var code = await UserFlows.GetCodeAsync(Http, Authority, ClientId, challenge);

        var (_, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Redeem(ClientId, code, verifier));

        var id = JwtInspector.Payload(json.GetProperty("id_token").GetString()!);
        id.GetProperty("preferred_username").GetString().Should().Be("grace@contoso.com");
        id.GetProperty("oid").GetString().Should().Be(grace.ObjectId);
    }
}
