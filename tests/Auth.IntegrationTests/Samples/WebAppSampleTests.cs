using System.Net;

namespace Auth.IntegrationTests.Samples;

/// <summary>The web app sample as a user meets it: sign in through the authority, see the claims and the downstream call, sign out.</summary>
[TestFixture]
public sealed class WebAppSampleTests
{
    [Test]
    public async Task WebApp_SignInRoundTrip_ShowsTheUserAndTheDownstreamCall()
    {
        await using var sample = await SampleProcess.StartAsync("WebApp");
        using var browser = new CookieBrowser();

        var anonymous = await browser.GetAsync(sample.BaseUri);
        var signedIn = await browser.GetAsync(new Uri(sample.BaseUri, "signin"));
        var again = await browser.GetAsync(sample.BaseUri);
        var signedOut = await browser.GetAsync(new Uri(sample.BaseUri, "signout"));

        anonymous.Body.Should().Contain("You are not signed in").And.Contain("href=\"/signin\"");
        browser.Visited.Should().Contain(u => u.AbsolutePath.EndsWith("/oauth2/v2.0/authorize", StringComparison.Ordinal), "the sign-in goes through the authority");
        browser.Visited.Should().Contain(u => u.AbsolutePath == "/signin-callback" && u.Query.Contains("code=", StringComparison.Ordinal));
        signedIn.Status.Should().Be(HttpStatusCode.OK, sample.Output);
        signedIn.Body.Should().Contain("Hello, Ada Lovelace").And.Contain("preferred_username").And.Contain("ada@contoso.com");
        signedIn.Body.Should().Contain("Hello from the downstream API").And.Contain("(token from Cache)");
        again.Body.Should().Contain("Hello, Ada Lovelace", "the session cookie keeps the user signed in");
        signedOut.Body.Should().Contain("You are not signed in");
    }
}
