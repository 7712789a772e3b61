using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using Auth.Testing;

namespace Auth.IntegrationTests.Samples;

/// <summary>
/// The <c>auth-token</c> tool (samples/TokenTool) as scripts and users meet it: every command a process of its own,
/// against a FakeAuthority (http on loopback), with the cache key in a real gnome-keyring on a private D-Bus session.
/// </summary>
[TestFixture]
[SupportedOSPlatform("linux")]
[Platform(Include = "Linux")]
public sealed class TokenToolTests
{
    private const string ClientId = "token-tool-tests";
    private const string Scope = "api://orders/read";
    private const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

    private KeyringSession _keyring = null!;
    private TokenToolRig _rig = null!;

    private FakeAuthority Fake => _rig.Fake;

    private string[] Target => _rig.Target;

    [OneTimeSetUp]
    public void StartKeyring() => _keyring = KeyringSession.Start();

    [OneTimeTearDown]
    public void StopKeyring() => _keyring.Dispose();

    [SetUp]
    public void StartAuthority()
    {
        _rig = new TokenToolRig(ClientId);
        Fake.DeviceCodePollInterval = TimeSpan.FromSeconds(1);
    }

    [TearDown]
    public void StopAuthority() => _rig.Dispose();

    [Test]
    public async Task Login_DeviceCodeOnTheDevicePage_ThenTokenInAnotherProcessIsServedFromTheCache()
    {
        var login = await LoginWithDeviceCodeAsync(Target);
        var requestsAfterLogin = Fake.TokenRequests.Count;

        var plain = await RunAsync("token", "--scope", Scope);
        var json = await RunAsync("token", "--scope", Scope, "--json");

        login.Stdout.Should().Contain("Signed in as ada@contoso.com");
        login.Stderr.Should().Contain("enter the code");
        Fake.RequestCount(DeviceCodeGrant).Should().BePositive();
        plain.ExitCode.Should().Be(0, plain.ToString());
        var lines = plain.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle("stdout of token is the token alone, for $(...)");
        lines[0].Split('.').Should().HaveCount(3, "the fake issues JWT access tokens");
        using var view = JsonDocument.Parse(json.Stdout);
        view.RootElement.GetProperty("source").GetString().Should().Be("Cache");
        view.RootElement.GetProperty("accessToken").GetString().Should().Be(lines[0]);
        view.RootElement.GetProperty("username").GetString().Should().Be("ada@contoso.com");
        Fake.TokenRequests.Count.Should().Be(requestsAfterLogin, "the second and third processes read the token from the encrypted cache");
        var file = await File.ReadAllBytesAsync(_rig.CacheFile);
        Encoding.ASCII.GetString(file).Should().NotContain(lines[0][..40]).And.NotContain("ada@contoso.com", "the cache file is encrypted");
    }

    [Test]
    public async Task Token_CachedAccessTokenExpired_RefreshesWithTheCachedRefreshToken()
    {
        Fake.AccessTokenLifetime = TimeSpan.FromSeconds(2);
        await LoginWithDeviceCodeAsync(Target);
        await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System, CancellationToken.None);

        var json = await RunAsync("token", "--scope", Scope, "--json");

        json.ExitCode.Should().Be(0, json.ToString());
        using var view = JsonDocument.Parse(json.Stdout);
        view.RootElement.GetProperty("source").GetString().Should().Be("IdentityProvider");
        Fake.RequestCount("refresh_token").Should().Be(1, "an expired token is refreshed silently, in the process that needs it");
    }

    [Test]
    public async Task AccountsJson_ListsTheUser_ThenLogoutRemovesIt_AndTokenSaysNoAccount()
    {
        await LoginWithDeviceCodeAsync(Target);

        var before = await RunAsync("accounts", "--json");
        var logout = await RunAsync("logout", "--username", "ada@contoso.com");
        var after = await RunAsync("accounts", "--json");
        var token = await RunAsync("token", "--scope", Scope);

        before.ExitCode.Should().Be(0, before.ToString());
        using var accounts = JsonDocument.Parse(before.Stdout);
        accounts.RootElement.GetArrayLength().Should().Be(1);
        accounts.RootElement[0].GetProperty("username").GetString().Should().Be("ada@contoso.com");
        accounts.RootElement[0].GetProperty("name").GetString().Should().Be("Ada Lovelace");
        accounts.RootElement[0].GetProperty("tenantId").GetString().Should().Be(Fake.TenantId);
        logout.ExitCode.Should().Be(0, logout.ToString());
        logout.Stdout.Should().Contain("Signed out ada@contoso.com");
        after.Stdout.Trim().Should().Be("[]");
        token.ExitCode.Should().Be(3, token.ToString());
        token.Stderr.Should().Contain("no_account");
    }

    [Test]
    public async Task Token_NoAccountSignedIn_FailsWithNoAccountAndExitCode3()
    {
        var token = await RunAsync("token", "--scope", Scope);

        token.ExitCode.Should().Be(3, token.ToString());
        token.Stdout.Should().BeEmpty("a script's $(...) must not capture an error message");
        token.Stderr.Should().Contain("error no_account: No account is signed in: run auth-token login.");
        Fake.TokenRequests.Should().BeEmpty();
    }

    [Test]
    public async Task Login_NoKeyStore_FailsClosedWithTheKeyStoreCodeAndStoresNothing()
    {
        var noBus = new Dictionary<string, string?>(_keyring.Environment) { ["DBUS_SESSION_BUS_ADDRESS"] = null };

        var login = await TokenToolProcess.RunAsync(noBus, ["login", "--device-code", "--scope", Scope, .. Target]);

        login.ExitCode.Should().Be(1, login.ToString());
        login.Stderr.Should().Contain("error key_store_unavailable").And.Contain("does not store tokens in plaintext");
        File.Exists(_rig.CacheFile).Should().BeFalse();
        Fake.RequestCount(DeviceCodeGrant).Should().Be(0, "the tool fails before asking for a device code");
    }

    [Test]
    public async Task FakeAuthorityCommand_ServesTheOtherRunsOfTheTool()
    {
        await using var authority = TokenToolProcess.Start(_keyring.Environment, "fake-authority", "--port", "0");
        var address = (await authority.WaitForStdoutLineAsync(l => l.StartsWith("authority: ", StringComparison.Ordinal)))["authority: ".Length..];
        string[] target = ["--authority", address, "--client-id", "auth-token-tool", "--cache-dir", _rig.CacheDirectory];

        await LoginWithDeviceCodeAsync(target);
        var token = await TokenToolProcess.RunAsync(_keyring.Environment, ["token", "--scope", Scope, "--json", .. target]);

        address.Should().StartWith("http://localhost:").And.EndWith("/3f6b1c2d-8e4a-4f0b-9c7d-5a2e1b8c4d60", "the tenant is fixed, so the cache stays valid across restarts");
        token.ExitCode.Should().Be(0, token.ToString());
        using var view = JsonDocument.Parse(token.Stdout);
        view.RootElement.GetProperty("source").GetString().Should().Be("Cache");
    }

    private Task<ToolRun> RunAsync(params string[] command) => TokenToolProcess.RunAsync(_keyring.Environment, [.. command, .. Target]);

    /// <summary>Runs <c>login --device-code</c> and plays the user at the device page the tool shows.</summary>
    private async Task<ToolRun> LoginWithDeviceCodeAsync(string[] target)
    {
        await using var login = TokenToolProcess.Start(_keyring.Environment, ["login", "--device-code", "--scope", Scope, .. target]);
        var page = (await login.WaitForStderrLineAsync(l => l.TrimStart().StartsWith("page: ", StringComparison.Ordinal))).Trim()["page: ".Length..];
        var code = (await login.WaitForStderrLineAsync(l => l.TrimStart().StartsWith("code: ", StringComparison.Ordinal))).Trim()["code: ".Length..];

        await DeviceLoginUser.ApproveAsync(new Uri(page), code);
        var run = await login.WaitForExitAsync();

        run.ExitCode.Should().Be(0, run.ToString());
        return run;
    }
}
