using System.Runtime.Versioning;
using System.Text.Json;
using Auth.BrowserTests.Browser;
using Auth.IntegrationTests.Samples;

namespace Auth.BrowserTests.Samples;

/// <summary>
/// <c>auth-token login</c> through a real browser: the tool's browser command (<c>--browser</c>, a script here that
/// only records the URL, as a system browser would be handed it) gives the test the sign-in URL, Chromium works the
/// FakeAuthority's sign-in page, lands on the tool's loopback page, and a second process reads the token from the cache.
/// </summary>
[TestFixture]
[SupportedOSPlatform("linux")]
[Platform(Include = "Linux")]
public sealed class TokenToolBrowserTests : BrowserTest
{
    private const string ClientId = "token-tool-browser-tests";
    private const string Scope = "api://orders/read";

    private KeyringSession _keyring = null!;
    private TokenToolRig _rig = null!;

    [OneTimeSetUp]
    public void StartKeyring() => _keyring = KeyringSession.Start();

    [OneTimeTearDown]
    public void StopKeyring() => _keyring.Dispose();

    [SetUp]
    public void StartAuthority() => _rig = new TokenToolRig(ClientId);

    [TearDown]
    public void StopAuthority() => _rig.Dispose();

    [Test]
    public async Task Login_InTheBrowser_SignsInAndTheNextProcessGetsTheTokenFromTheCache()
    {
        var opened = Path.Combine(_rig.Work.FullName, "opened-url");
        var browser = Path.Combine(_rig.Work.FullName, "browser.sh");
        await File.WriteAllTextAsync(browser, $"#!/bin/sh\nprintf '%s\\n' \"$1\" > '{opened}.tmp' && mv '{opened}.tmp' '{opened}'\n");
        File.SetUnixFileMode(browser, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var target = _rig.Target;
        var signIn = new AuthoritySignInPage(Page);

        await using var login = TokenToolProcess.Start(_keyring.Environment, ["login", "--scope", Scope, "--browser", browser, .. target]);
        var url = await WaitForFileAsync(opened);
        await Page.GotoAsync(url);
        await signIn.WaitAsync();
        await Screenshots.SaveAsync(Page, "sign-in-form");
        await signIn.SignInAsync("ada@contoso.com", "P@ssw0rd!");
        var run = await login.WaitForExitAsync();
        await Screenshots.SaveAsync(Page, "signed-in");
        var requestsAfterLogin = _rig.Fake.TokenRequests.Count;
        var token = await TokenToolProcess.RunAsync(_keyring.Environment, ["token", "--scope", Scope, "--json", .. target]);

        new Uri(url).AbsolutePath.Should().EndWith("/oauth2/v2.0/authorize");
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("Signed in as ada@contoso.com");
        run.Stderr.Should().Contain(url, "the tool shows the URL in case no browser opens");
        new Uri(Page.Url).Host.Should().Be("127.0.0.1", "the browser was redirected to the tool's loopback listener");
        (await Page.TitleAsync()).Should().Be("Signed in");
        _rig.Fake.RequestCount("authorization_code").Should().Be(1);
        token.ExitCode.Should().Be(0, token.ToString());
        using var view = JsonDocument.Parse(token.Stdout);
        view.RootElement.GetProperty("source").GetString().Should().Be("Cache");
        _rig.Fake.TokenRequests.Count.Should().Be(requestsAfterLogin, "the second process is served from the encrypted cache");
    }

    private static async Task<string> WaitForFileAsync(string path)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (File.Exists(path))
            {
                return (await File.ReadAllTextAsync(path)).Trim();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None);
        }

        Assert.Fail("The tool never opened the browser.");
        throw new InvalidOperationException();
    }
}
