using System.Net;
using System.Net.Http.Headers;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

/// <summary>The sign-in page the authorization endpoint shows a browser (a request that accepts text/html), over raw HTTP.</summary>
[TestFixture]
public sealed class FakeAuthoritySignInPageTests : UserFlowFixture
{
    [Test]
    public async Task Authorize_RequestAcceptsHtml_ShowsAnAccessibleSignInPageWithTheInputEncoded()
    {
        var parameters = UserFlows.Authorize(ClientId, UserFlows.Pkce().Challenge);
        parameters["login_hint"] = "\"><script>alert(1)</script>";

        using var response = await GetPageAsync(parameters);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Location.Should().BeNull("a browser signs in on the page first");
        html.Should().Contain("<title>Sign in to your account</title>")
            .And.Contain("<label for=\"username\">Username</label>").And.Contain("id=\"username\"")
            .And.Contain("<label for=\"password\">Password</label>").And.Contain("id=\"password\"")
            .And.Contain(">Sign in</button>").And.Contain(">Cancel</button>")
            .And.Contain("<li>api://orders/read</li>");
        html.Should().Contain("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"").And.NotContain("<script>alert(1)");
        html.Should().Contain("action=\"?client_id=public-app&amp;");
        Authority.AuthorizeRequestCount.Should().Be(1);
    }

    [Test]
    public async Task SignInForm_Cancel_RedirectsAccessDeniedWithTheState()
    {
        using var response = await PostFormAsync(UserFlows.Authorize(ClientId, UserFlows.Pkce().Challenge), new() { ["action"] = "cancel" });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var query = UserFlows.RedirectQuery(response);
        query["error"].Should().Be("access_denied");
        query["error_description"].Should().StartWith("AADSTS65004: ");
        query["state"].Should().Be("state-42");
        query.Should().NotContainKey("code");
    }

    [Test]
    public async Task SignInForm_RegisteredUsersCredentials_RedirectsWithACodeForThatUser()
    {
        var grace = new FakeUser { Username = "grace@contoso.com", Password = "Hopper#1", Name = "Grace Hopper" };
        Authority.RegisterUser(grace);
        var (verifier, challenge) = UserFlows.Pkce();

        using var response = await PostFormAsync(
            UserFlows.Authorize(ClientId, challenge),
            new() { ["username"] = "Grace@Contoso.com", ["password"] = "Hopper#1", ["action"] = "signin" });
        var code = UserFlows.RedirectQuery(response)["code"];
        var (status, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Redeem(ClientId, code, verifier));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        UserFlows.RedirectQuery(response)["state"].Should().Be("state-42");
        status.Should().Be(HttpStatusCode.OK);
        var idToken = JwtInspector.Payload(json.GetProperty("id_token").GetString()!);
        idToken.GetProperty("preferred_username").GetString().Should().Be("grace@contoso.com", "the form signs in whoever the user enters, not the default user");
        idToken.GetProperty("nonce").GetString().Should().Be("nonce-7");
    }

    [TestCase("ada@contoso.com", "wrong")]
    [TestCase("nobody@contoso.com", "P@ssw0rd!")]
    [TestCase("", "")]
    public async Task SignInForm_WrongCredentials_ShowsThePageAgainWithAnAlert(string username, string password)
    {
        using var response = await PostFormAsync(
            UserFlows.Authorize(ClientId, UserFlows.Pkce().Challenge),
            new() { ["username"] = username, ["password"] = password, ["action"] = "signin" });
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Location.Should().BeNull();
        html.Should().Contain("role=\"alert\">Your account or password is incorrect.</p>").And.Contain($"value=\"{username}\"");
    }

    [Test]
    public async Task SignInForm_UntrustedRedirectUri_ShowsTheErrorPageAndSignsNobodyIn()
    {
        var parameters = UserFlows.Authorize(ClientId, UserFlows.Pkce().Challenge);
        parameters["redirect_uri"] = "https://evil.example/callback";

        using var response = await PostFormAsync(parameters, new() { ["username"] = "ada@contoso.com", ["password"] = "P@ssw0rd!", ["action"] = "signin" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
        (await response.Content.ReadAsStringAsync()).Should().Contain("AADSTS50011:");
    }

    private async Task<HttpResponseMessage> GetPageAsync(Dictionary<string, string> parameters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, UserFlows.AuthorizeUrl(Authority, parameters));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return await Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostFormAsync(Dictionary<string, string> parameters, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await Http.PostAsync(UserFlows.AuthorizeUrl(Authority, parameters), content);
    }
}
