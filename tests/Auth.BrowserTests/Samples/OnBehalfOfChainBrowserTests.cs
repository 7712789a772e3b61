using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Auth.BrowserTests.Browser;
using Auth.IntegrationTests.Samples;
using Microsoft.Playwright;

namespace Auth.BrowserTests.Samples;

/// <summary>
/// The on-behalf-of chain in a real browser: the WebApp sample with its embedded FakeAuthority, and the WebApiObo sample
/// started with the variables the web app prints, so both use that one authority. One sign-in; then <c>/profile</c>
/// shows what came back through web app → web API → (on-behalf-of) → fake Graph, and what each hop's token was.
/// </summary>
[TestFixture]
public sealed partial class OnBehalfOfChainBrowserTests : SampleBrowserTest
{
    private const string OboGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private SampleProcess? _webApp;
    private SampleProcess? _webApi;

    private SampleProcess WebApp => _webApp ?? throw new InvalidOperationException("The web app did not start.");

    private SampleProcess WebApi => _webApi ?? throw new InvalidOperationException("The web API did not start.");

    [SetUp]
    public async Task StartWebAppAndApiAsync()
    {
        var apiUri = SampleProcess.FreeBaseUri();
        _webApp = await StartSampleAsync("WebApp", new Dictionary<string, string> { ["WebApi__BaseUrl"] = apiUri.AbsoluteUri });
        _webApi = await StartSampleAsync("WebApiObo", PrintedApiEnvironment(_webApp.Output), apiUri);
    }

    [Test]
    public async Task Profile_AfterOneSignIn_ShowsGraphsAnswerThroughTheWebApiAndTheOboToken()
    {
        var signIn = new AuthoritySignInPage(Page);
        var authority = PrintedApiEnvironment(WebApp.Output)["AUTH_AUTHORITY"];

        await Page.GotoAsync(WebApp.BaseUri.AbsoluteUri);
        var headerDisplay = await Page.EvalOnSelectorAsync<string>("header.site", "e => getComputedStyle(e).display");
        await Screenshots.SaveAsync(Page, "home-anonymous");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await signIn.WaitAsync();
        await Screenshots.SaveAsync(Page, "authority-sign-in");
        await signIn.SignInAsync("ada@contoso.com", "P@ssw0rd!");
        await Page.WaitForFunctionAsync("document.title === 'Hello, Ada Lovelace'");
        await Screenshots.SaveAsync(Page, "home-signed-in");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Your Graph profile, through the web API" }).ClickAsync();
        await Page.WaitForFunctionAsync("document.title === 'Your Graph profile, through the web API'");
        var first = await CellsAsync();
        await Screenshots.SaveAsync(Page, "profile");
        await Page.ReloadAsync();
        var again = await CellsAsync();
        var grants = await GrantTypesAsync();
        await WebApi.DisposeAsync();
        await Page.ReloadAsync();
        var apiDown = await Page.GetByRole(AriaRole.Alert).InnerTextAsync();
        await Screenshots.SaveAsync(Page, "profile-web-api-down");

        headerDisplay.Should().Be("flex", "the page is styled by the shared site.css");
        WebApi.Output.Should().Contain($"Accepting tokens from {authority} ", "the web API uses the web app's authority");
        first["user"].Should().Be("Ada Lovelace");
        first["profile-displayName"].Should().Be("Ada Lovelace", "Graph's answer reached the page: {0}", WebApi.Output);
        first["profile-mail"].Should().Be("ada@contoso.com");
        first["hop1-token"].Should().Be("for api://sample-web-api/access_as_user, from IdentityProvider", "the sign-in's refresh token was redeemed for the API");
        first["hop1-aud"].Should().Be("api://sample-web-api", "the web API received a token for itself");
        first["hop1-azp"].Should().Be("sample-web-app", "the web app got it");
        first["hop2-token"].Should().Be("for https://graph.microsoft.com/User.Read, from IdentityProvider (on-behalf-of)");
        first["hop2-status"].Should().Be("200");
        first["hop2-aud"].Should().Be("https://graph.microsoft.com", "Graph saw a token for Graph");
        first["hop2-azp"].Should().Be("sample-web-api", "obtained by the web API, on behalf of the user");
        first["hop2-scp"].Should().Be("User.Read");
        again["hop1-token"].Should().EndWith("from Cache");
        again["hop2-token"].Should().Be("for https://graph.microsoft.com/User.Read, from Cache (on-behalf-of)", "the API caches per incoming token");
        again["profile-displayName"].Should().Be("Ada Lovelace");
        grants.Should().Equal(["authorization_code", "refresh_token", OboGrant], "one authority served the sign-in, the web app's token for the API and the API's on-behalf-of exchange");
        apiDown.Should().Contain($"The web API at {WebApi.BaseUri} did not answer").And.Contain("dotnet run --project samples/WebApiObo");
    }

    /// <summary>The text of every element with an id on the page: the profile's and the hops' cells, the header's user.</summary>
    private async Task<Dictionary<string, string>> CellsAsync() =>
        await Page.EvalOnSelectorAllAsync<Dictionary<string, string>>("[id]", "els => Object.fromEntries(els.map(e => [e.id, e.innerText]))");

    /// <summary>The grant types of every token request the web app's embedded authority received, oldest first.</summary>
    private async Task<List<string>> GrantTypesAsync()
    {
        using var client = new HttpClient { BaseAddress = WebApp.BaseUri };
        var sent = await client.GetFromJsonAsync<List<GrantSent>>("dev/claims-sent");
        return [.. sent!.Select(s => s.GrantType)];
    }

    /// <summary>The variables of the command the web app printed for starting the web API (<c>AUTH_AUTHORITY=… AUTH_CLIENT_ID=…</c>).</summary>
    private static Dictionary<string, string> PrintedApiEnvironment(string output)
    {
        var command = output.Split('\n').Single(l => l.Contains("dotnet run --project samples/WebApiObo", StringComparison.Ordinal));
        return AssignmentPattern().Matches(command).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    [GeneratedRegex(@"\b(AUTH_[A-Z_]+)=(\S+)")]
    private static partial Regex AssignmentPattern();

    private sealed record GrantSent(string GrantType);
}
