using Auth.BrowserTests.Browser;
using Auth.IntegrationTests.Samples;
using Microsoft.Playwright;

namespace Auth.BrowserTests.Samples;

/// <summary>
/// The HybridSpa sample (its own process on 127.0.0.1, against its embedded FakeAuthority) in a real browser: one sign-in
/// on the authority's page signs the user in on the server, and the page's script redeems the SPA code the server handed
/// it with a cross-origin fetch and shows the user from the ID token the browser obtained.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class HybridSpaSampleBrowserTests : SampleBrowserTest
{
    private SampleProcess? _sample;

    private SampleProcess Sample => _sample ?? throw new InvalidOperationException("The sample did not start.");

    [SetUp]
    public async Task StartHybridSpaAsync() => _sample = await StartSampleAsync("HybridSpa");

    [Test]
    public async Task HybridSpa_OneSignIn_TheBrowserRedeemsTheSpaCodeAndShowsTheUser()
    {
        var signIn = new AuthoritySignInPage(Page);
        var tokenRequests = new List<string>();
        var stylesheets = new List<int>();
        Page.Response += (_, response) =>
        {
            if (response.Url.Contains("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                tokenRequests.Add($"{response.Request.Method} {response.Status} {response.Headers.GetValueOrDefault("access-control-allow-origin")}");
            }
            else if (response.Url.EndsWith("/site.css", StringComparison.Ordinal))
            {
                stylesheets.Add(response.Status);
            }
        };

        await Page.GotoAsync(Sample.BaseUri.AbsoluteUri);
        var anonymous = await Page.Locator("main").InnerTextAsync();
        await Screenshots.SaveAsync(Page, "home-not-signed-in");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await signIn.WaitAsync();
        await Screenshots.SaveAsync(Page, "authority-sign-in");
        await signIn.SignInAsync("ada@contoso.com", "P@ssw0rd!");
        // The page's Content-Security-Policy forbids eval, so the test waits with selectors, not WaitForFunctionAsync.
        await Page.WaitForSelectorAsync("#spa-result:not([hidden]), #spa-error:not([hidden])");
        var signedInUrl = new Uri(Page.Url);
        var error = await Page.Locator("#spa-error").InnerTextAsync();
        var spaUser = await Page.Locator("#spa-user").InnerTextAsync();
        var header = await Page.Locator("header.site").InnerTextAsync();
        var idTokenName = await Page.Locator("#id-token-claims th:text-is('name') + td").InnerTextAsync();
        var accessTokenAudience = await Page.Locator("#access-token-claims th:text-is('aud') + td").InnerTextAsync();
        var title = await Page.TitleAsync();
        await Screenshots.SaveAsync(Page, "signed-in-on-both-sides");
        await Page.ReloadAsync();
        await Page.WaitForSelectorAsync("#spa-result:not([hidden])");
        var afterReload = await Page.Locator("#spa-user").InnerTextAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).WaitForAsync();
        var signedOut = await Page.Locator("main").InnerTextAsync();
        await Screenshots.SaveAsync(Page, "signed-out-again");

        anonymous.Should().Contain("You are not signed in.");
        error.Should().BeEmpty(Sample.Output);
        signedInUrl.GetLeftPart(UriPartial.Path).Should().Be(Sample.BaseUri.AbsoluteUri, "the callback redirects home; the SPA code is not in a URL");
        signedInUrl.Query.Should().BeEmpty();
        spaUser.Should().Be("Ada Lovelace");
        header.Should().Contain("Server: Ada Lovelace").And.Contain("Browser: Ada Lovelace");
        idTokenName.Should().Be("Ada Lovelace");
        accessTokenAudience.Should().Be("api://sample-downstream");
        title.Should().Be("Hello, Ada Lovelace");
        stylesheets.Should().NotBeEmpty().And.OnlyContain(status => status == 200, "the shared stylesheet is served");
        tokenRequests.Should().Equal(
            [$"POST 200 {Sample.BaseUri.GetLeftPart(UriPartial.Authority)}"],
            "the browser redeemed the SPA code once, in a simple CORS request (no preflight) the authority allowed for the sample's origin");
        afterReload.Should().Be("Ada Lovelace", "the tab keeps the tokens it obtained");
        signedOut.Should().Contain("You are not signed in.");
    }
}
