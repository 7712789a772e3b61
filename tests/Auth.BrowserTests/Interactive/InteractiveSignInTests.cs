using Auth.BrowserTests.Browser;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.BrowserTests.Interactive;

/// <summary>
/// <c>AcquireTokenInteractiveAsync</c> with a real browser: the app's <c>OpenBrowser</c> opens the URL in Chromium,
/// the user works the FakeAuthority's sign-in page, and the browser lands on the library's loopback page.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class InteractiveSignInTests : BrowserTest, IDisposable
{
    private static readonly string[] Scopes = ["api://orders/read"];

    private readonly CancellationTokenSource _testEnded = new();
    private FakeAuthority _authority = null!;

    [SetUp]
    public void StartAuthority()
    {
        _authority = FakeAuthority.Start();
        _authority.RegisterPublicClient("desktop-app");
    }

    [TearDown]
    public async Task StopAuthorityAsync()
    {
        await _testEnded.CancelAsync();
        _authority.Dispose();
    }

    /// <summary>NUnit disposes each instance after its test (one instance per test case).</summary>
    public void Dispose() => _testEnded.Dispose();

    [Test]
    public async Task Interactive_UserSignsInOnTheForm_SeesTheSuccessPageAndGetsTheToken()
    {
        var signIn = new AuthoritySignInPage(Page);

        var acquiring = AcquireAsync(loginHint: null);
        await signIn.WaitAsync();
        var formShot = await Screenshots.SaveAsync(Page, "sign-in-form");
        await signIn.SignInAsync("ada@contoso.com", "P@ssw0rd!");
        var result = await acquiring;
        var redirect = new Uri(Page.Url);
        var finalShot = await Screenshots.SaveAsync(Page, "signed-in");

        result.Source.Should().Be(TokenSource.IdentityProvider);
        result.AccessToken.Should().NotBeNullOrEmpty();
        result.Account!.Username.Should().Be("ada@contoso.com");
        result.Account.Name.Should().Be("Ada Lovelace");
        redirect.Host.Should().Be("127.0.0.1", "the browser was redirected to the loopback listener");
        redirect.Query.Should().Contain("code=");
        (await Page.TitleAsync()).Should().Be("Signed in");
        var text = await Page.Locator("body").InnerTextAsync();
        text.Should().Contain("You are signed in").And.Contain("You can close this window and return to the application.");
        text.Should().NotContain(Code(redirect), "the page never shows the authorization code");
        File.Exists(formShot).Should().BeTrue();
        new FileInfo(finalShot).Length.Should().BePositive();
        _authority.RequestCount("authorization_code").Should().Be(1);
    }

    [Test]
    public async Task Interactive_UserCancelsOnTheForm_SeesTheErrorPageAndTheCallThrows()
    {
        var signIn = new AuthoritySignInPage(Page);

        var acquiring = AcquireAsync(loginHint: null);
        await signIn.WaitAsync();
        await signIn.CancelAsync();
        var error = (await acquiring.Invoking(a => a).Should().ThrowAsync<AuthServiceException>()).Which;
        await Page.WaitForFunctionAsync("document.title === 'Sign-in failed'");
        await Screenshots.SaveAsync(Page, "cancelled");

        error.Code.Should().Be("access_denied");
        error.ErrorDescription.Should().StartWith("AADSTS65004: User declined to consent to access the app.");
        new Uri(Page.Url).Host.Should().Be("127.0.0.1");
        var text = await Page.Locator("body").InnerTextAsync();
        text.Should().Contain("Sign-in failed").And.Contain("access_denied").And.Contain("AADSTS65004");
        _authority.RequestCount("authorization_code").Should().Be(0);
    }

    [Test]
    public async Task Interactive_WrongPasswordThenRight_ShowsTheErrorOnTheFormThenSignsIn()
    {
        var signIn = new AuthoritySignInPage(Page);

        var acquiring = AcquireAsync(loginHint: "ada@contoso.com");
        await signIn.WaitAsync();
        var prefilled = await signIn.Username.InputValueAsync();
        await signIn.SignInAsync("ada@contoso.com", "wrong");
        await signIn.Error.WaitForAsync();
        await Screenshots.SaveAsync(Page, "wrong-password");
        var message = await signIn.Error.InnerTextAsync();
        await signIn.SignInAsync("ada@contoso.com", "P@ssw0rd!");
        var result = await acquiring;
        await Screenshots.SaveAsync(Page, "signed-in");

        prefilled.Should().Be("ada@contoso.com", "the login_hint pre-fills the username");
        message.Should().Be("Your account or password is incorrect.");
        result.Account!.Username.Should().Be("ada@contoso.com");
        (await Page.TitleAsync()).Should().Be("Signed in");
    }

    /// <summary>
    /// Starts the interactive call; its <c>OpenBrowser</c> only opens the URL, like a system browser would, and the
    /// test plays the user meanwhile. A test that fails early ends the call in its tear-down.
    /// </summary>
    private Task<AuthenticationResult> AcquireAsync(string? loginHint)
    {
        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = "desktop-app",
            Authority = _authority.Authority,
            NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient()),
        });
        return app.AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = Scopes,
            LoginHint = loginHint,
            Timeout = TimeSpan.FromSeconds(30),
            OpenBrowser = async (url, _) => await Page.GotoAsync(url.AbsoluteUri),
        },
        _testEnded.Token);
    }

    private static string Code(Uri redirect) =>
        System.Web.HttpUtility.ParseQueryString(redirect.Query)["code"] ?? throw new AssertionException("no code in the redirect");
}
