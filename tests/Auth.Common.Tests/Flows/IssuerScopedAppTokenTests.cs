using System.Text.Json.Nodes;
using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Grants.ClientCredentials;
using Auth.Common.Platform;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

/// <summary>
/// App tokens of two OpenID Providers on one host (Keycloak realms <c>/realms/a</c> and <c>/realms/b</c>) for one client
/// id: both MSAL dialects give them the same realm (empty, or the first path segment <c>realms</c>), so the issuer
/// recorded on each token is what keeps them apart.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class IssuerScopedAppTokenTests
{
    private const string IssuerA = "https://idp.example.com/realms/a";
    private const string IssuerB = "https://idp.example.com/realms/b";
    private static readonly string[] Scopes = ["api://x/.default"];
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly RecordingNetworkClient _network;
    private int _issued;

    public IssuerScopedAppTokenTests() => _network = new RecordingNetworkClient(Answer);

    [TestCase(CacheDialect.MsalNet, "")]
    [TestCase(CacheDialect.MsalNode, "realms")]
    public async Task TwoRealmsOnOneHost_EachIsServedOnlyItsOwnAppToken(CacheDialect dialect, string sharedRealm)
    {
        var flow = Flow(dialect, out var store);

        var a = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = Scopes }, CancellationToken.None);
        var b = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = Scopes, Authority = IssuerB }, CancellationToken.None);
        var againA = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = Scopes }, CancellationToken.None);
        var againB = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = Scopes, Authority = IssuerB }, CancellationToken.None);

        a.AccessToken.Should().StartWith("at-a-");
        b.Source.Should().Be(TokenSource.IdentityProvider, "realm a's token must not be served for realm b");
        b.AccessToken.Should().StartWith("at-b-");
        againA.AccessToken.Should().Be(a.AccessToken);
        againA.Source.Should().Be(TokenSource.Cache);
        againB.AccessToken.Should().Be(b.AccessToken);
        againB.Source.Should().Be(TokenSource.Cache);
        var entries = JsonNode.Parse(store.Serialize())!["AccessToken"]!.AsObject().Select(e => e.Value!).ToList();
        entries.Select(e => e["realm"]!.GetValue<string>()).Should().OnlyContain(r => r == sharedRealm, "the schema's realm stays what both MSALs write");
        entries.Select(e => e["issuer"]!.GetValue<string>()).Should().BeEquivalentTo([IssuerA, IssuerB]);
    }

    [Test]
    public async Task TokenWithoutAnIssuer_WrittenByMsal_IsStillServed()
    {
        var flow = Flow(CacheDialect.MsalNet, out var store);
        await flow.AcquireAsync(new ClientCredentialRequest { Scopes = Scopes }, CancellationToken.None);
        var json = JsonNode.Parse(store.Serialize())!;
        foreach (var (_, entry) in json["AccessToken"]!.AsObject())
        {
            entry!.AsObject().Remove("issuer");
        }

        var reloaded = Flow(CacheDialect.MsalNet, out var second);
        second.Deserialize(json.ToJsonString());
        var served = await reloaded.AcquireAsync(new ClientCredentialRequest { Scopes = Scopes }, CancellationToken.None);

        served.Source.Should().Be(TokenSource.Cache, "MSAL.NET and msal-node write no issuer; their realm is all there is to go by");
    }

    private ClientCredentialFlow Flow(CacheDialect dialect, out TokenCacheStore store)
    {
        store = new TokenCacheStore();
        var runtime = TestRuntime.Create(_network, _time, authority: AuthorityInfo.Parse(IssuerA, ProtocolMode.Oidc, false, dialect), store: store, authenticator: new FakeAuthenticator());
        foreach (var issuer in new[] { IssuerA, IssuerB })
        {
            runtime.Metadata.Seed(
                AuthorityInfo.Parse(issuer, ProtocolMode.Oidc, false, dialect),
                $$"""{"issuer":"{{issuer}}","token_endpoint":"{{issuer}}/protocol/openid-connect/token"}""");
        }

        return new ClientCredentialFlow(runtime);
    }

    private NetworkResponse Answer(NetworkRequest request)
    {
        var realm = request.Uri.AbsolutePath.Split('/')[2];
        return RecordingNetworkClient.Json(200, $$"""{"token_type":"Bearer","expires_in":3600,"access_token":"at-{{realm}}-{{Interlocked.Increment(ref _issued)}}"}""");
    }
}
