using Auth.Common.Authority;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

/// <summary>The allocation-free cache-hit path and its fallbacks find the same tokens the slow path does.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CacheHitPathTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private int _issued;

    [Test]
    public async Task ScopeLongerThanTheKeyBuffer_IsStillServedFromTheCache()
    {
        var (flow, network) = Flow();
        var request = new ClientCredentialRequest { Scopes = ["api://" + new string('r', 700) + "/.default"] };

        var first = await flow.AcquireAsync(request, CancellationToken.None);
        var second = await flow.AcquireAsync(request, CancellationToken.None);

        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        network.Requests.Should().HaveCount(1);
    }

    [Test]
    public async Task ScopesInAnotherOrderOrNeedingCleanup_AreServedFromTheCache()
    {
        var (flow, network) = Flow();
        await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["a", "b"] }, CancellationToken.None);

        var reordered = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["b", "a"] }, CancellationToken.None);
        var untidy = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = [" A ", "b", "a"] }, CancellationToken.None);
        var subset = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["B"] }, CancellationToken.None);

        new[] { reordered, untidy, subset }.Should().OnlyContain(r => r.Source == TokenSource.Cache);
        network.Requests.Should().HaveCount(1);
    }

    [Test]
    public async Task RequestAuthority_IsResolvedOnce_AndEachTenantKeepsItsOwnToken()
    {
        var (flow, network) = Flow();
        const string Tenant2 = "https://login.example.com/tenant2";

        var a1 = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["a"], Authority = Tenant2 }, CancellationToken.None);
        var a2 = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["a"], Authority = Tenant2 }, CancellationToken.None);
        var home = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["a"] }, CancellationToken.None);

        a2.Source.Should().Be(TokenSource.Cache);
        a2.AccessToken.Should().Be(a1.AccessToken);
        a2.TenantId.Should().Be("tenant2");
        home.AccessToken.Should().NotBe(a1.AccessToken);
        home.TenantId.Should().Be("tenant1");
        network.Count("/token").Should().Be(2);
    }

    [Test]
    public async Task ResultScopes_AreReadOnly()
    {
        var (flow, _) = Flow();
        await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["a"] }, CancellationToken.None);

        var hit = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["a"] }, CancellationToken.None);

        hit.Scopes.Should().Equal("a");
        hit.Scopes.Should().NotBeAssignableTo<string[]>().And.NotBeAssignableTo<List<string>>();
    }

    private (Common.Grants.ClientCredentials.ClientCredentialFlow Flow, RecordingNetworkClient Network) Flow()
    {
        var network = new RecordingNetworkClient(request =>
        {
            var n = Interlocked.Increment(ref _issued);
            var scope = request.Form?.FirstOrDefault(f => f.Key == "scope").Value;
            return RecordingNetworkClient.Json(200, $$"""{"token_type":"Bearer","expires_in":3600,"access_token":"token-{{n}}","scope":"{{scope}}"}""");
        });
        var runtime = TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator());
        runtime.Metadata.Seed(
            AuthorityInfo.Parse("https://login.example.com/tenant2", ProtocolMode.AzureAD, false),
            """{"issuer":"https://login.example.com/tenant2/v2.0","token_endpoint":"https://login.example.com/tenant2/oauth2/v2.0/token"}""");
        return (new Common.Grants.ClientCredentials.ClientCredentialFlow(runtime), network);
    }
}
