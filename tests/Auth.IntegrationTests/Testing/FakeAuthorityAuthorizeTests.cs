using System.Net;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityAuthorizeTests : UserFlowFixture
{
    [Test]
    public async Task FailNextAuthorize_UserCancelled_RedirectsWithErrorAndStateOnce()
    {
        Authority.FailNextAuthorize();
        var parameters = UserFlows.Authorize(ClientId, UserFlows.Pkce().Challenge);

        using var failed = await UserFlows.GetAuthorizeAsync(Http, Authority, parameters);
        using var next = await UserFlows.GetAuthorizeAsync(Http, Authority, parameters);

        failed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var query = UserFlows.RedirectQuery(failed);
        query["error"].Should().Be("access_denied");
        query["error_description"].Should().StartWith("AADSTS65004: ");
        query["state"].Should().Be("state-42");
        query.Should().NotContainKey("code");
        UserFlows.RedirectQuery(next).Should().ContainKey("code");
        Authority.AuthorizeRequestCount.Should().Be(2);
    }

    [Test]
    public async Task FailNextAuthorize_WithDescription_SendsItVerbatim()
    {
        Authority.FailNextAuthorize("login_required", "No session.");

        using var response = await UserFlows.GetAuthorizeAsync(Http, Authority, UserFlows.Authorize(ClientId, UserFlows.Pkce().Challenge));

        var query = UserFlows.RedirectQuery(response);
        query["error"].Should().Be("login_required");
        query["error_description"].Should().Be("No session.");
    }

    [TestCase("unknown-app", UserFlows.RedirectUri, "700016")]
    [TestCase(ClientId, "https://evil.example/callback", "50011")]
    [TestCase(ClientId, "", "900144")]
    public async Task Authorize_UntrustedClientOrRedirectUri_Shows400PageWithoutRedirect(string clientId, string redirectUri, string aadsts)
    {
        var parameters = UserFlows.Authorize(clientId, UserFlows.Pkce().Challenge);
        parameters["redirect_uri"] = redirectUri;

        using var response = await UserFlows.GetAuthorizeAsync(Http, Authority, parameters);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain($"AADSTS{aadsts}:");
    }

    [TestCase("code_challenge", "", "invalid_request", "9002325")]
    [TestCase("code_challenge_method", "plain", "invalid_request", "9002313")]
    [TestCase("code_challenge", "too-short", "invalid_request", "501491")]
    [TestCase("scope", "", "invalid_request", "900144")]
    [TestCase("response_type", "token", "unsupported_response_type", "700054")]
    public async Task Authorize_InvalidParameterWithTrustedRedirect_RedirectsTheError(string name, string value, string error, string aadsts)
    {
        var parameters = UserFlows.Authorize(ClientId, UserFlows.Pkce().Challenge);
        parameters[name] = value;

        using var response = await UserFlows.GetAuthorizeAsync(Http, Authority, parameters);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var query = UserFlows.RedirectQuery(response);
        query["error"].Should().Be(error);
        query["error_description"].Should().StartWith($"AADSTS{aadsts}: ");
        query["state"].Should().Be("state-42");
    }

    [Test]
    public async Task Authorize_FormPostResponseMode_ReturnsAutoSubmittingFormToTheRedirectUri()
    {
        var parameters = UserFlows.Authorize(ClientId, UserFlows.Pkce().Challenge);
        parameters["response_mode"] = "form_post";

        using var response = await UserFlows.GetAuthorizeAsync(Http, Authority, parameters);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain($"action=\"{UserFlows.RedirectUri}\"")
            .And.Contain("name=\"code\"")
            .And.Contain("name=\"state\" value=\"state-42\"")
            .And.Contain("document.forms[0].submit()");
    }

    [Test]
    public async Task Authorize_ConfidentialWebAppWithRegisteredRedirectUri_RedeemsOnlyWithItsSecret()
    {
        const string WebRedirect = "https://app.example/signin-oidc";
        Authority.RegisterClient("web-app", "web-secret");
        Authority.RegisterRedirectUri("web-app", WebRedirect);
        var parameters = UserFlows.Authorize("web-app", challenge: null);
        parameters["redirect_uri"] = WebRedirect;
        using var redirect = await UserFlows.GetAuthorizeAsync(Http, Authority, parameters);
        var form = UserFlows.Redeem("web-app", UserFlows.RedirectQuery(redirect)["code"], verifier: null, WebRedirect);

        var (withoutSecret, json) = await UserFlows.TokenAsync(Http, Authority, form);
        form["client_secret"] = "web-secret";
        var (withSecret, _) = await UserFlows.TokenAsync(Http, Authority, form);

        redirect.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(WebRedirect);
        withoutSecret.Should().Be(HttpStatusCode.Unauthorized);
        UserFlows.ErrorCode(json).Should().Be(7000218);
        withSecret.Should().Be(HttpStatusCode.OK, "a request that fails client authentication does not use the code up");
    }

    [Test]
    public void RegisterRedirectUri_UnregisteredClient_Throws()
    {
        var act = () => Authority.RegisterRedirectUri("nobody", "https://app.example/cb");

        act.Should().Throw<ArgumentException>();
    }
}
