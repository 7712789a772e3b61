using System.Net;
using System.Text;
using System.Text.Json;
using System.Web;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.IntegrationTests.ConfidentialClient;

/// <summary>
/// The hybrid SPA flow over HTTP against the FakeAuthority: the web app's server gets a SPA code with its tokens, and the
/// single-page app redeems it cross-origin (as a browser's fetch would: <c>Origin</c>, no secret, no PKCE), once.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class HybridSpaTests : IDisposable
{
    private const string ClientId = "hybrid-web-app";
    private const string SpaOrigin = "http://127.0.0.1:5090";
    private const string SpaRedirect = SpaOrigin + "/";
    private static readonly string[] Scopes = ["api://x/read"];
    private static readonly Uri Redirect = new("http://127.0.0.1:5090/signin-callback");
    private readonly FakeAuthority _authority = FakeAuthority.Start();
    private readonly ConfidentialClientApplication _app;

    public HybridSpaTests()
    {
        _authority.RegisterClient(ClientId, "web-secret");
        _authority.RegisterSpaRedirectUri(ClientId, SpaRedirect);
        _app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = _authority.Authority,
            ClientSecret = "web-secret",
            NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient()),
        });
    }

    public void Dispose() => _authority.Dispose();

    [Test]
    public async Task SpaCode_RedeemedCrossOriginFromTheSpaOrigin_SignsTheUserInInTheBrowserToo()
    {
        var result = await SignInAsync(_app, spa: true);

        using var response = await RedeemAsync(result.SpaAuthCode!, SpaOrigin);
        var tokens = await JsonAsync(response);
        var silent = await _app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = result.Account! });

        _authority.TokenRequests[0].Form.Should().Contain("return_spa_code", "1");
        result.SpaAuthCode.Should().NotBeNullOrEmpty();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(SpaOrigin);
        Claims(tokens.GetProperty("id_token").GetString()!).GetProperty("name").GetString().Should().Be(_authority.DefaultUser.Name);
        Claims(tokens.GetProperty("access_token").GetString()!).GetProperty("oid").GetString().Should().Be(_authority.DefaultUser.ObjectId);
        tokens.TryGetProperty("spa_code", out _).Should().BeFalse("the SPA gets no SPA code of its own");
        silent.Source.Should().Be(TokenSource.Cache);
        silent.SpaAuthCode.Should().BeNull("the SPA code is never cached");
    }

    [Test]
    public async Task SpaCode_NotAsked_IsNeitherSentNorReturned()
    {
        var result = await SignInAsync(_app, spa: false);

        result.SpaAuthCode.Should().BeNull();
        _authority.TokenRequests[0].Form.Should().NotContainKey("return_spa_code");
    }

    [Test]
    public async Task SpaCode_ClientWithoutSpaRedirectUri_GetsNone()
    {
        _authority.RegisterClient("plain-web-app", "plain-secret");
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "plain-web-app",
            Authority = _authority.Authority,
            ClientSecret = "plain-secret",
            NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient()),
        });

        var result = await SignInAsync(app, spa: true);

        result.SpaAuthCode.Should().BeNull("Entra returns a SPA code only to an app with a single-page-application redirect URI");
    }

    [Test]
    public async Task SpaCode_WithoutOrigin_IsRefusedAsNotCrossOrigin()
    {
        var result = await SignInAsync(_app, spa: true);

        using var response = await RedeemAsync(result.SpaAuthCode!, origin: null);
        var error = await JsonAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.GetProperty("error").GetString().Should().Be("invalid_request");
        error.GetProperty("error_codes")[0].GetInt32().Should().Be(9002327);
    }

    [TestCase("http://127.0.0.1:5091")]
    [TestCase("https://evil.example")]
    public async Task SpaCode_FromAnotherOrigin_IsRefusedAsNotASpa(string origin)
    {
        var result = await SignInAsync(_app, spa: true);

        using var response = await RedeemAsync(result.SpaAuthCode!, origin);
        var error = await JsonAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.GetProperty("error").GetString().Should().Be("invalid_request");
        error.GetProperty("error_codes")[0].GetInt32().Should().Be(9002326);
        error.GetProperty("error_description").GetString().Should().Contain("Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type");
        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse("a browser must not let another origin read the answer");
    }

    [Test]
    public async Task SpaCode_RedeemedTwice_FailsTheSecondTime()
    {
        var result = await SignInAsync(_app, spa: true);

        using var first = await RedeemAsync(result.SpaAuthCode!, SpaOrigin);
        using var second = await RedeemAsync(result.SpaAuthCode!, SpaOrigin);
        var error = await JsonAsync(second);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.GetProperty("error").GetString().Should().Be("invalid_grant");
        error.GetProperty("error_codes")[0].GetInt32().Should().Be(54005);
        second.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal([SpaOrigin], "the page can read the error");
    }

    [Test]
    public async Task SpaCode_WithAClientSecret_IsRefused()
    {
        var result = await SignInAsync(_app, spa: true);

        using var response = await RedeemAsync(result.SpaAuthCode!, SpaOrigin, ("client_secret", "web-secret"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a browser redemption is a public client's");
    }

    [Test]
    public async Task WebCode_RedeemedByTheSpa_IsRefused()
    {
        var url = await _app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = Redirect });
        var code = HttpUtility.ParseQueryString((await AuthorizeAsync(url)).Query)["code"]!;

        using var response = await RedeemAsync(code, SpaOrigin);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "only SPA codes are redeemed cross-origin");
    }

    [Test]
    public async Task Preflight_FromTheSpaOrigin_IsAllowedAndFromAnotherIsNot()
    {
        using var client = _authority.CreateHttpClient();

        using var allowed = await client.SendAsync(Preflight(SpaOrigin));
        using var refused = await client.SendAsync(Preflight("https://evil.example"));

        allowed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(SpaOrigin);
        allowed.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("POST");
        allowed.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Contain("content-type");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        refused.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Test]
    public async Task SpaCode_AskedByAPublicClient_IsRefusedBeforeAnythingIsSent()
    {
        _authority.RegisterPublicClient("hybrid-public");
        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = "hybrid-public",
            Authority = _authority.Authority,
            NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient()),
        });

        var act = () => app.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
        {
            Scopes = Scopes,
            RedirectUri = Redirect,
            Code = "c",
            CodeVerifier = "v",
            State = "s",
            ReturnedState = "s",
            EnableSpaAuthorizationCode = true,
        });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.SpaCodeRequiresConfidentialClient);
        _authority.TokenRequests.Should().BeEmpty();
        _authority.DiscoveryRequestCount.Should().Be(0);
    }

    private static JsonElement Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '='))).RootElement;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, _authority.TokenEndpoint);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    private async Task<AuthenticationResult> SignInAsync(ConfidentialClientApplication app, bool spa)
    {
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = Redirect });
        var redirect = HttpUtility.ParseQueryString((await AuthorizeAsync(url)).Query);
        return await app.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
        {
            Scopes = Scopes,
            RedirectUri = Redirect,
            Code = redirect["code"]!,
            CodeVerifier = url.CodeVerifier,
            State = url.State,
            ReturnedState = redirect["state"],
            Nonce = url.Nonce,
            EnableSpaAuthorizationCode = spa,
        });
    }

    private async Task<Uri> AuthorizeAsync(Uri url)
    {
        using var browser = _authority.CreateHttpClient();
        using var response = await browser.GetAsync(url);
        return response.Headers.Location!;
    }

    /// <summary>What the SPA's fetch sends: the code, its client id and SPA redirect URI, the scopes; no secret, no verifier.</summary>
    private async Task<HttpResponseMessage> RedeemAsync(string code, string? origin, params (string Name, string Value)[] extra)
    {
        using var client = _authority.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _authority.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("client_id", ClientId),
                new("grant_type", "authorization_code"),
                new("code", code),
                new("redirect_uri", SpaRedirect),
                new("scope", "api://x/read openid profile offline_access"),
                .. extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)),
            ]),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }
}
