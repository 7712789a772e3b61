using System.Security.Cryptography;
using System.Text;
using System.Web;
using Auth.Common.Errors;
using Auth.Common.ManagedIdentity;
using Auth.Common.Platform;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.ManagedIdentity;

/// <summary>Managed identity tokens in the cache: per resource, shared misses, forced and proactive refreshes.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ManagedIdentityCacheTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private int _issued;

    [Test]
    public async Task SecondCall_IsACacheHit_PerResource()
    {
        var network = Endpoint();
        var client = ManagedIdentityHarness.Client(ManagedIdentitySource.Imds, network, time: _time);

        var first = await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });
        var again = await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net/.default" });
        var other = await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://management.azure.com" });

        again.Source.Should().Be(TokenSource.Cache);
        again.AccessToken.Should().Be(first.AccessToken);
        other.Source.Should().Be(TokenSource.IdentityProvider);
        other.AccessToken.Should().NotBe(first.AccessToken);
        network.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task ConcurrentMisses_ShareOneRequest()
    {
        var gate = new TaskCompletionSource();
        var network = new RecordingNetworkClient(async _ =>
        {
            await gate.Task;
            return RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(1_800_086_400, $"t{Interlocked.Increment(ref _issued)}"));
        });
        var client = ManagedIdentityHarness.Client(ManagedIdentitySource.AppService, network, time: _time);

        var calls = Enumerable.Range(0, 32).Select(_ => client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(calls);

        network.Requests.Should().ContainSingle();
        results.Select(r => r.AccessToken).Distinct().Should().Equal("t1");
    }

    [Test]
    public async Task ForceRefresh_SkipsTheCache()
    {
        var network = Endpoint();
        var client = ManagedIdentityHarness.Client(ManagedIdentitySource.Imds, network, time: _time);
        var first = await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        var forced = await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net", ForceRefresh = true });
        var after = await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        forced.Source.Should().Be(TokenSource.IdentityProvider);
        forced.AccessToken.Should().NotBe(first.AccessToken);
        after.AccessToken.Should().Be(forced.AccessToken, "the new token replaced the old one");
    }

    [Test]
    public async Task Claims_OnServiceFabric_NameTheCachedTokenToRevoke()
    {
        var network = Endpoint();
        var client = ManagedIdentityHarness.Client(ManagedIdentitySource.ServiceFabric, network, time: _time);
        var first = await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net", Claims = """{"access_token":{"nbf":{"essential":true}}}""" });

        var query = HttpUtility.ParseQueryString(network.Requests.Last().Uri.Query);
        query["token_sha256_to_refresh"].Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first.AccessToken))));
        HttpUtility.ParseQueryString(network.Requests.First().Uri.Query)["token_sha256_to_refresh"].Should().BeNull();
    }

    [Test]
    public async Task PastRefreshOn_RenewsTheToken_AndAFailedRenewalReturnsTheCachedOne()
    {
        var fail = false;
        var network = new RecordingNetworkClient(_ => fail
            ? RecordingNetworkClient.Json(500, "")
            : RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(_time.GetUtcNow().ToUnixTimeSeconds() + 86_400, $"t{Interlocked.Increment(ref _issued)}")));
        var client = ManagedIdentityHarness.Client(ManagedIdentitySource.AppService, network, time: _time);
        var first = await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        _time.Advance(TimeSpan.FromHours(13));
        fail = true;
        var fallback = await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });
        fail = false;
        var renewed = await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        first.RefreshOn.Should().Be(first.ExpiresOn.AddHours(-12));
        fallback.Source.Should().Be(TokenSource.Cache);
        fallback.AccessToken.Should().Be(first.AccessToken);
        renewed.Source.Should().Be(TokenSource.IdentityProvider);
        renewed.AccessToken.Should().NotBe(first.AccessToken);
    }

    [Test]
    public async Task ExpiredToken_IsNotReturned_WhenRenewalFails()
    {
        var fail = false;
        var network = new RecordingNetworkClient(_ => fail
            ? RecordingNetworkClient.Json(500, "")
            : RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(_time.GetUtcNow().ToUnixTimeSeconds() + 3600)));
        var client = ManagedIdentityHarness.Client(ManagedIdentitySource.AppService, network, time: _time);
        await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        _time.Advance(TimeSpan.FromHours(2));
        fail = true;
        var act = () => client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        (await act.Should().ThrowAsync<AuthServiceException>()).Which.Code.Should().Be(AuthErrorCodes.ManagedIdentityRequestFailed);
    }

    [Test]
    public async Task Tokens_AreCachedAsBothMsalsCacheThem_ScopedToTheEndpoint()
    {
        var plugin = new DictionaryPlugin();
        var network = Endpoint();
        var options = new ManagedIdentityClientOptions
        {
            Identity = ManagedIdentityId.FromUserAssignedClientId("ua-client"),
            NetworkClient = network,
            Platform = new TestManagedIdentityPlatform(ManagedIdentityHarness.Environment(ManagedIdentitySource.AppService)),
            CachePlugin = plugin,
            TimeProvider = _time,
        };
        await new ManagedIdentityClient(options).AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        var (key, blob) = plugin.Blobs.Single();
        key.Should().Be("ua-client_managed_identity_AppTokenCache");
        var token = System.Text.Json.Nodes.JsonNode.Parse(blob)!["AccessToken"]!.AsObject().Single().Value!;
        token["client_id"]!.GetValue<string>().Should().Be("ua-client");
        token["realm"]!.GetValue<string>().Should().Be("managed_identity");
        token["environment"]!.GetValue<string>().Should().Be("login.microsoftonline.com");
        token["target"]!.GetValue<string>().Should().Be("https://vault.azure.net");
        token["issuer"]!.GetValue<string>().Should().Be("AppService:http://127.0.0.1:41000/msi/token");

        var second = new ManagedIdentityClient(options);
        (await second.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" })).Source.Should().Be(TokenSource.Cache);
        var elsewhere = new ManagedIdentityClient(new ManagedIdentityClientOptions
        {
            Identity = options.Identity,
            NetworkClient = network,
            Platform = new TestManagedIdentityPlatform(ManagedIdentityHarness.Environment(ManagedIdentitySource.Imds)),
            CachePlugin = plugin,
            TimeProvider = _time,
        });
        (await elsewhere.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" })).Source
            .Should().Be(TokenSource.IdentityProvider, "a token of another source is not served");
    }

    [TestCase("")]
    [TestCase("  ")]
    [TestCase("/.default")]
    [TestCase("https://a https://b")]
    public async Task BadResource_IsInvalidRequest(string resource)
    {
        var network = Endpoint();
        var act = () => ManagedIdentityHarness.Client(ManagedIdentitySource.Imds, network, time: _time).AcquireTokenAsync(new ManagedIdentityRequest { Resource = resource });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidRequest);
        network.Requests.Should().BeEmpty();
    }

    private RecordingNetworkClient Endpoint() =>
        new(new Func<NetworkRequest, NetworkResponse>(_ => RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(_time.GetUtcNow().ToUnixTimeSeconds() + 86_400, $"t{Interlocked.Increment(ref _issued)}"))));
}
