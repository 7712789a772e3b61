using Auth.BrowserTests.Browser;
using Auth.IntegrationTests.Samples;
using Microsoft.Playwright;

namespace Auth.BrowserTests.Samples;

/// <summary>
/// The WebApp sample (its own process on 127.0.0.1, against its embedded FakeAuthority) in a real browser: sign in on
/// the authority's page, see the user and the downstream call, sign out.
/// </summary>
[TestFixture]
public sealed class WebAppSampleBrowserTests : SampleBrowserTest
{
    private SampleProcess? _sample;

    private SampleProcess Sample => _sample ?? throw new InvalidOperationException("The sample did not start.");

    [SetUp]
    public async Task StartWebAppAsync() => _sample = await StartSampleAsync("WebApp");

    [Test]
    public async Task WebApp_SignInOnTheAuthorityPage_ShowsTheUserAndTheDownstreamCallThenSignsOut()
    {
        var signIn = new AuthoritySignInPage(Page);

        await Page.GotoAsync(Sample.BaseUri.AbsoluteUri);
        var anonymous = await Page.Locator("main").InnerTextAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await signIn.WaitAsync();
        var authorityUrl = new Uri(Page.Url);
        await Screenshots.SaveAsync(Page, "authority-sign-in");
        await signIn.SignInAsync("ada@contoso.com", "P@ssw0rd!");
        await Page.WaitForFunctionAsync("document.title === 'Hello, Ada Lovelace'");
        var signedInUrl = new Uri(Page.Url);
        var user = await Page.Locator("#user").InnerTextAsync();
        var downstream = await Page.Locator("#downstream").InnerTextAsync();
        await Screenshots.SaveAsync(Page, "signed-in");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await Page.WaitForFunctionAsync("document.title === 'Auth sample web app'");
        var signedOut = await Page.Locator("main").InnerTextAsync();
        await Screenshots.SaveAsync(Page, "signed-out");

        anonymous.Should().Contain("You are not signed in.");
        authorityUrl.AbsolutePath.Should().EndWith("/oauth2/v2.0/authorize", "the sign-in page is the authority's");
        authorityUrl.Port.Should().NotBe(Sample.BaseUri.Port);
        signedInUrl.GetLeftPart(UriPartial.Path).Should().Be(Sample.BaseUri.AbsoluteUri, "the callback redirects home");
        user.Should().Be("Ada Lovelace", Sample.Output);
        downstream.Should().StartWith("200 ").And.Contain("Hello from the downstream API").And.Contain("Ada Lovelace").And.Contain("(token from Cache)");
        signedOut.Should().Contain("You are not signed in.");
    }
}
