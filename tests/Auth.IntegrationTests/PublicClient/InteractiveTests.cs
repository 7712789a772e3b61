using System.Net;
using System.Net.Sockets;
using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;

namespace Auth.IntegrationTests.PublicClient;

/// <summary>Interactive sign-in with a real loopback listener; the test plays the browser over real HTTP.</summary>
[TestFixture]
public sealed class InteractiveTests : PublicClientFixture
{
    [TestCase(ProtocolMode.AzureAD)]
    [TestCase(ProtocolMode.Oidc)]
    public async Task Interactive_FullRoundTrip_SignsInAndCaches(ProtocolMode mode)
    {
        var app = App(mode);
        Uri? authorizeUrl = null;
        string? page = null;

        var result = await app.AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = Scopes,
            OpenBrowser = async (url, ct) =>
            {
                authorizeUrl = url;
                var redirect = await AuthorizeAsync(url);
                using var browser = LoopbackBrowser();
                page = await browser.GetStringAsync(redirect, ct);
            },
        });

        result.Source.Should().Be(TokenSource.IdentityProvider);
        result.Account!.Username.Should().Be(Authority.DefaultUser.Username);
        result.Account.HomeAccountId.Should().MatchRegex(mode == ProtocolMode.AzureAD
            ? $"^{Authority.DefaultUser.ObjectId}\\.{Authority.TenantId}$"
            : $"^{System.Text.RegularExpressions.Regex.Escape(result.IdTokenClaims!["sub"])}~[0-9a-f]{{32}}$", "a generic OpenID Provider's user is its sub scoped to the issuer");
        page.Should().Contain("You are signed in");
        var query = authorizeUrl!.Query;
        query.Should().Contain("code_challenge_method=S256").And.Contain("redirect_uri=http%3A%2F%2F127.0.0.1%3A");
        (mode == ProtocolMode.Oidc ? query.Contains("client_info", StringComparison.Ordinal) : false).Should().BeFalse("nothing Microsoft-only goes to an OpenID Provider");
        var silent = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = result.Account });
        silent.Source.Should().Be(TokenSource.Cache);
        silent.AccessToken.Should().Be(result.AccessToken);
    }

    [Test]
    public async Task Interactive_WrongStateRedirect_IsIgnoredAndTheRightOneWins()
    {
        HttpStatusCode forged = 0;

        var result = await App().AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = Scopes,
            OpenBrowser = async (url, ct) =>
            {
                var redirect = await AuthorizeAsync(url);
                using var browser = LoopbackBrowser();
                forged = (await browser.GetAsync(new Uri(redirect, "/?code=stolen&state=attacker"), ct)).StatusCode;
                (await browser.GetAsync(redirect, ct)).EnsureSuccessStatusCode();
            },
        });

        forged.Should().Be(HttpStatusCode.BadRequest);
        result.AccessToken.Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task Interactive_UserCancels_ShowsErrorPageAndThrows()
    {
        Authority.FailNextAuthorize("access_denied", "The user cancelled.");
        string? page = null;

        var act = () => App().AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = Scopes,
            OpenBrowser = async (url, ct) =>
            {
                using var browser = LoopbackBrowser();
                page = await browser.GetStringAsync(await AuthorizeAsync(url), ct);
            },
        });

        var error = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        error.Code.Should().Be("access_denied");
        page.Should().Contain("Sign-in failed").And.Contain("The user cancelled.");
        Authority.RequestCount("authorization_code").Should().Be(0);
    }

    [Test]
    public async Task Interactive_RedirectWithForgedErrorText_IsCleanedAndBounded()
    {
        // Anyone who reaches the loopback port can answer it: the error text must not forge log lines or grow without bound.
        var act = () => App().AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = Scopes,
            OpenBrowser = async (url, ct) =>
            {
                var query = System.Web.HttpUtility.ParseQueryString(url.Query);
                var forged = $"{query["redirect_uri"]}?state={Uri.EscapeDataString(query["state"]!)}"
                    + $"&error={Uri.EscapeDataString("access_denied\r\nFAKE LOG LINE")}&error_description={Uri.EscapeDataString("x\ny" + new string('z', 6_000))}";
                using var browser = LoopbackBrowser();
                await browser.GetStringAsync(new Uri(forged), ct);
            },
        });

        var error = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        error.Code.Should().NotContainAny("\r", "\n");
        error.Message.Should().NotContainAny("\r", "\n");
        error.Message.Length.Should().BeLessThan(5_000);
        error.ErrorDescription!.Length.Should().BeLessThan(5_000);
    }

    [Test]
    public async Task Interactive_Timeout_EndsAndFreesThePort()
    {
        Uri? redirectUri = null;

        var act = () => App().AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = Scopes,
            Timeout = TimeSpan.FromMilliseconds(300),
            OpenBrowser = (url, _) =>
            {
                redirectUri = new Uri(System.Web.HttpUtility.ParseQueryString(url.Query)["redirect_uri"]!);
                return Task.CompletedTask;
            },
        });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.OperationTimedOut);
        using var rebind = new TcpListener(IPAddress.Loopback, redirectUri!.Port);
        rebind.Start();
        rebind.Stop();
    }

    [Test]
    public async Task Interactive_Cancelled_EndsPromptly()
    {
        using var cts = new CancellationTokenSource();

        var act = () => App().AcquireTokenInteractiveAsync(
            new InteractiveRequest { Scopes = Scopes, OpenBrowser = (_, _) => cts.CancelAsync() },
            cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
