using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityPasswordTests : UserFlowFixture
{
    [Test]
    public async Task Password_RegisteredUserInOtherTenant_ReturnsTokensForThatUser()
    {
        var bob = new FakeUser { Username = "Bob@Fabrikam.com", Password = "hunter2", Name = "Bob", TenantId = "c0ffee00-0000-4000-8000-000000000001" };
        Authority.RegisterUser(bob);
        var form = UserFlows.Password(ClientId, bob with { Username = "bob@fabrikam.com" });
        form["client_info"] = "1";

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, form);

        status.Should().Be(HttpStatusCode.OK);
        var id = JwtInspector.Payload(json.GetProperty("id_token").GetString()!);
        id.GetProperty("oid").GetString().Should().Be(bob.ObjectId);
        id.GetProperty("tid").GetString().Should().Be(Authority.TenantId, "the request named the authority's tenant");
        id.GetProperty("preferred_username").GetString().Should().Be("Bob@Fabrikam.com");
        id.TryGetProperty("nonce", out _).Should().BeFalse();
        using var clientInfo = JsonDocument.Parse(Base64Url.DecodeFromChars(json.GetProperty("client_info").GetString()));
        clientInfo.RootElement.GetProperty("utid").GetString().Should().Be(bob.TenantId);
        Authority.RequestCount("password").Should().Be(1);
    }

    [TestCase("ada@contoso.com", "wrong", 50126)]
    [TestCase("nobody@contoso.com", "P@ssw0rd!", 50034)]
    public async Task Password_WrongPasswordOrUnknownUser_ReturnsInvalidGrant(string username, string password, int code)
    {
        var form = UserFlows.Password(ClientId, new FakeUser { Username = username, Password = password });

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, form);

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_grant", code);
    }

    [TestCase("openid profile offline_access api://orders/read", true, true, "openid profile api://orders/read")]
    [TestCase("api://orders/read offline_access", false, true, "api://orders/read")]
    [TestCase("openid api://orders/read", true, false, "openid api://orders/read")]
    [TestCase("api://orders/read", false, false, "api://orders/read")]
    public async Task Password_OidcScopes_IdTokenOnlyWithOpenIdAndRefreshTokenOnlyWithOfflineAccess(string scope, bool idToken, bool refreshToken, string echoed)
    {
        var (_, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Password(ClientId, Authority.DefaultUser, scope));

        json.TryGetProperty("id_token", out _).Should().Be(idToken);
        json.TryGetProperty("refresh_token", out _).Should().Be(refreshToken);
        json.GetProperty("scope").GetString().Should().Be(echoed);
    }

    [TestCase("User.Read openid", "https://graph.microsoft.com", "User.Read")]
    [TestCase("https://graph.microsoft.com/Mail.Read User.Read", "https://graph.microsoft.com", "Mail.Read User.Read")]
    [TestCase("openid profile", ClientId, "openid profile")]
    [TestCase("api://orders/.default", "api://orders", "user_impersonation")]
    public async Task Password_ScopeForms_SetAudienceAndScp(string scope, string audience, string scp)
    {
        var (_, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Password(ClientId, Authority.DefaultUser, scope));

        var access = JwtInspector.Payload(json.GetProperty("access_token").GetString()!);
        access.GetProperty("aud").GetString().Should().Be(audience);
        access.GetProperty("scp").GetString().Should().Be(scp);
    }

    [Test]
    public async Task Password_ScopesOfTwoResources_ReturnsInvalidScope28000()
    {
        var form = UserFlows.Password(ClientId, Authority.DefaultUser, "api://orders/read api://billing/read");

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, form);

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "invalid_scope", 28000);
    }

    [Test]
    public async Task Password_PublicClientSendingSecret_Returns401InvalidClient700025()
    {
        var form = UserFlows.Password(ClientId, Authority.DefaultUser);
        form["client_secret"] = "anything";

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, form);

        status.Should().Be(HttpStatusCode.Unauthorized);
        UserFlows.ErrorCode(json).Should().Be(700025);
    }

    [Test]
    public async Task Password_ConfidentialClientWithSecret_ReturnsTokenWithSecretAuthentication()
    {
        Authority.RegisterClient("web-app", "web-secret");
        var form = UserFlows.Password("web-app", Authority.DefaultUser);
        form["client_secret"] = "web-secret";

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, form);

        status.Should().Be(HttpStatusCode.OK);
        JwtInspector.Payload(json.GetProperty("access_token").GetString()!).GetProperty("azpacr").GetString().Should().Be("1");
    }

    [Test]
    public async Task Password_ScriptedResponseQueued_IsServedInsteadAndCounted()
    {
        Authority.EnqueueTokenResponse(FakeTokenResponse.InteractionRequired());

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Password(ClientId, Authority.DefaultUser));

        status.Should().Be(HttpStatusCode.BadRequest);
        json.GetProperty("error").GetString().Should().Be("interaction_required");
        Authority.RequestCount("password").Should().Be(1);
    }

    [Test]
    public void RegisterUser_NonGuidObjectId_Throws()
    {
        var act = () => Authority.RegisterUser(new FakeUser { Username = "x@contoso.com", Password = "p", ObjectId = "not-a-guid" });

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public void FakeUser_ToString_DoesNotPrintThePassword()
    {
        var text = Authority.DefaultUser.ToString();

        text.Should().Contain("ada@contoso.com").And.NotContain("P@ssw0rd!");
    }
}
