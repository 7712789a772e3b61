using System.Net;
using System.Text;
using System.Text.Json;
using Auth.Extensions.Tests.Distributed;
using Auth.IntegrationTests.Samples;
using Auth.Testing;
using StackExchange.Redis;

namespace Auth.Extensions.Tests.Samples;

/// <summary>
/// samples/WebApp scaled out on one real redis-server (issue 14): two separate processes of the app and one
/// FakeAuthority. Alice signs in on the first; the second serves her (home page, downstream call, account
/// lookups by home and local id) from Redis; the first, restarted, still serves her; signing out on the
/// second removes her tokens from Redis. Through it all the authority sees one token request: the sign-in's.
/// </summary>
[TestFixture]
public sealed class WebAppSampleRedisTests
{
    private const string ClientId = "sample-web-app";
    private const string Secret = "sample-web-secret";
    private static readonly FakeUser Alice = new() { Username = "alice@contoso.com", Password = "Wonderland-1", Name = "Alice Liddell", ObjectId = "5b0e6f1a-7c3d-4e2b-9a8f-1d2c3b4a5e6f" };

    [Test]
    public async Task WebApp_TwoInstancesAndARestartOnRedis_ServeAliceWithoutAskingTheAuthorityAgain()
    {
        using var redis = await RedisServer.StartAsync();
        await using var authority = FakeAuthority.Start(new FakeAuthorityOptions { UseHttps = false });
        authority.RegisterClient(ClientId, Secret);
        authority.SignInAs(Alice);
        var environment = Environment(authority, redis);
        var home = $"{Alice.ObjectId}.{authority.TenantId}";
        using var browser = new CookieBrowser();
        await using var first = await SampleProcess.StartAsync("WebApp", environment);
        await using var second = await SampleProcess.StartAsync("WebApp", environment);

        var signedIn = await browser.GetAsync(new Uri(first.BaseUri, "signin"));
        var servedBySecond = await browser.GetAsync(second.BaseUri);
        var lookedUpBySecond = await AccountAsync(browser, second);
        await first.DisposeAsync();
        await using var restarted = await SampleProcess.StartAsync("WebApp", environment);
        var lookedUpAfterRestart = await AccountAsync(browser, restarted);
        var servedAfterRestart = await browser.GetAsync(restarted.BaseUri);
        var tokenRequestsWhileSignedIn = authority.TokenRequests.Count;
        var signedOut = await browser.GetAsync(new Uri(second.BaseUri, "signout"));

        signedIn.Body.Should().Contain("Hello, Alice Liddell").And.Contain("(token from Cache)", first.Output);
        servedBySecond.Status.Should().Be(HttpStatusCode.OK);
        servedBySecond.Body.Should().Contain("Hello, Alice Liddell").And.Contain("Hello from the downstream API").And.Contain("(token from Cache)", second.Output);
        lookedUpBySecond.Should().Be((home, Alice.Username, Alice.Username));
        lookedUpAfterRestart.Should().Be((home, Alice.Username, Alice.Username), "a fresh process finds alice by local id through her alias in Redis: {0}", restarted.Output);
        servedAfterRestart.Body.Should().Contain("Hello from the downstream API").And.Contain("(token from Cache)", restarted.Output);
        authority.RequestCount("authorization_code").Should().Be(1);
        tokenRequestsWhileSignedIn.Should().Be(1, "only the sign-in reached the authority; every other page was served from Redis");
        signedOut.Body.Should().Contain("You are not signed in");
        await using var store = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redis.Port}");
        var homeBlob = await Read(store, $"auth-tokens:{ClientId}:{home}");
        var aliasBlob = await Read(store, $"auth-tokens:{ClientId}:local:{Alice.ObjectId}");
        homeBlob.Should().NotBeNull("the removal is saved, not skipped").And.NotContain(home).And.NotContain("secret");
        aliasBlob.Should().NotBeNull().And.NotContain(home);
    }

    private static Dictionary<string, string> Environment(FakeAuthority authority, RedisServer redis) => new()
    {
        ["AUTH_AUTHORITY"] = authority.Authority,
        ["AUTH_CLIENT_ID"] = ClientId,
        ["AUTH_CLIENT_SECRET"] = Secret,
        ["TokenCache__Redis"] = $"127.0.0.1:{redis.Port}",
    };

    /// <summary>The sample's <c>/account</c>: the cookie's home id, and the username each lookup found (null when none).</summary>
    private static async Task<(string Home, string? ByHomeId, string? ByLocalId)> AccountAsync(CookieBrowser browser, SampleProcess sample)
    {
        var (status, body) = await browser.GetAsync(new Uri(sample.BaseUri, "account"));
        status.Should().Be(HttpStatusCode.OK, sample.Output);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return (root.GetProperty("homeAccountId").GetString()!, root.GetProperty("byHomeId").GetString(), root.GetProperty("byLocalId").GetString());
    }

    private static async Task<string?> Read(ConnectionMultiplexer store, string key)
    {
        var value = await store.GetDatabase().HashGetAsync(key, "data");
        return value.HasValue ? Encoding.UTF8.GetString((byte[])value!) : null;
    }
}
