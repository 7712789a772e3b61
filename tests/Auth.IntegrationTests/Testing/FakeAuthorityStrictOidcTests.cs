using System.Net;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

/// <summary><see cref="FakeAuthorityOptions.StrictOpenIdProvider"/>: offline_access only with consent, and refreshes within the grant.</summary>
[TestFixture]
public sealed class FakeAuthorityStrictOidcTests : UserFlowFixture
{
    private const string Asked = "openid profile offline_access api://orders/read";

    protected override FakeAuthorityOptions Options => base.Options with { StrictOpenIdProvider = true };

    [Test]
    public async Task AuthCode_OfflineAccessWithoutConsentPrompt_IssuesRefreshTokenWithoutGrantingIt()
    {
        var json = await SignInAsync(prompt: null);

        json.GetProperty("scope").GetString().Should().Be("openid profile api://orders/read");
        json.GetProperty("refresh_token").GetString().Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task AuthCode_PromptConsent_GrantsOfflineAccess()
    {
        var json = await SignInAsync(prompt: "login consent");

        json.GetProperty("scope").GetString().Should().Be("openid profile offline_access api://orders/read");
    }

    [Test]
    public async Task Refresh_AsksForOfflineAccessNotGranted_IsInvalidScopeAndLeavesTheTokenUsable()
    {
        var refreshToken = (await SignInAsync(prompt: null)).GetProperty("refresh_token").GetString()!;
        var beyond = UserFlows.Refresh(ClientId, refreshToken);
        beyond["scope"] = "api://orders/read openid profile offline_access";
        var within = UserFlows.Refresh(ClientId, refreshToken);
        within["scope"] = "api://orders/read openid";

        var (refusedStatus, refused) = await UserFlows.TokenAsync(Http, Authority, beyond);
        var (status, json) = await UserFlows.TokenAsync(Http, Authority, within);

        refusedStatus.Should().Be(HttpStatusCode.BadRequest);
        refused.GetProperty("error").GetString().Should().Be("invalid_scope");
        refused.GetProperty("error_description").GetString().Should().Be("refresh token missing requested scope");
        refused.TryGetProperty("error_codes", out _).Should().BeFalse("a certified OpenID Provider answers a plain RFC 6749 error");
        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("scope").GetString().Should().Be("api://orders/read openid");
    }

    [Test]
    public async Task Refresh_WithoutScope_ReturnsTheGrantAndARefreshTokenWithTheSameGrant()
    {
        var refreshToken = (await SignInAsync(prompt: null)).GetProperty("refresh_token").GetString()!;

        var (_, first) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Refresh(ClientId, refreshToken));
        var rotated = UserFlows.Refresh(ClientId, first.GetProperty("refresh_token").GetString()!);
        rotated["scope"] = "offline_access";
        var (status, _) = await UserFlows.TokenAsync(Http, Authority, rotated);

        first.GetProperty("scope").GetString().Should().Be("openid profile api://orders/read");
        status.Should().Be(HttpStatusCode.BadRequest, "the rotated token keeps the original grant, without offline_access");
    }

    [Test]
    public async Task Password_OfflineAccess_IsNotGrantedWithoutAConsentPrompt()
    {
        var (_, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Password(ClientId, Authority.DefaultUser));

        json.GetProperty("scope").GetString().Should().Be("openid profile api://orders/read");
        json.GetProperty("refresh_token").GetString().Should().NotBeNullOrEmpty();
    }

    private async Task<System.Text.Json.JsonElement> SignInAsync(string? prompt)
    {
        var (verifier, challenge) = UserFlows.Pkce();
        var authorize = UserFlows.Authorize(ClientId, challenge, Asked);
        authorize["prompt"] = prompt ?? string.Empty;
        using var response = await UserFlows.GetAuthorizeAsync(Http, Authority, authorize);
        var code = UserFlows.RedirectQuery(response)["code"];
        var redeem = UserFlows.Redeem(ClientId, code, verifier);
        redeem["scope"] = "api://orders/read openid profile offline_access";

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, redeem);

        status.Should().Be(HttpStatusCode.OK);
        return json;
    }
}
