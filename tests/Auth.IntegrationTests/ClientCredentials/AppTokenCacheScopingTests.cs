using System.Text.Json.Nodes;
using Auth.Common.Authority;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.IntegrationTests.ClientCredentials;

/// <summary>
/// What an app token is served for, over HTTPS against <see cref="FakeAuthority"/>: only the issuer that issued it
/// (two OpenID Connect issuers on one host, one client id: the MSAL schema gives both the same realm) and only the
/// extra query parameters it was obtained with.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AppTokenCacheScopingTests : IDisposable
{
    private const string ClientId = "daemon-app";
    private const string Secret = "daemon-secret";
    private static readonly string[] Scopes = ["api://orders/.default"];

    private readonly FakeAuthority _authority = FakeAuthority.Start();

    public AppTokenCacheScopingTests() => _authority.RegisterClient(ClientId, Secret);

    public void Dispose() => _authority.Dispose();

    [TestCase(CacheDialect.MsalNet)]
    [TestCase(CacheDialect.MsalNode)]
    public async Task TwoIssuersOnOneHost_SameClientId_NeitherIsServedTheOthersAppToken(CacheDialect dialect)
    {
        var tenantB = Guid.NewGuid().ToString();
        var issuerB = _authority.Issuer.Replace(_authority.TenantId, tenantB, StringComparison.Ordinal);
        var app = App(ProtocolMode.Oidc, dialect);

        var a = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes });
        var b = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, Authority = issuerB });
        var againA = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes });
        var againB = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, Authority = issuerB });

        b.Source.Should().Be(TokenSource.IdentityProvider, "issuer A's token must not be served for issuer B");
        b.AccessToken.Should().NotBe(a.AccessToken);
        againA.Source.Should().Be(TokenSource.Cache);
        againA.AccessToken.Should().Be(a.AccessToken);
        againB.Source.Should().Be(TokenSource.Cache);
        againB.AccessToken.Should().Be(b.AccessToken);
        _authority.TokenRequests.Select(r => r.Tenant).Should().Equal(_authority.TenantId, tenantB);
        var issuers = AccessTokens(app).Select(t => t["issuer"]!.GetValue<string>());
        issuers.Should().BeEquivalentTo(_authority.Issuer.TrimEnd('/'), issuerB.TrimEnd('/'));
    }

    [Test]
    public async Task TwoIssuers_ConcurrentMisses_SendOneRequestEach()
    {
        var issuerB = _authority.Issuer.Replace(_authority.TenantId, Guid.NewGuid().ToString(), StringComparison.Ordinal);
        var app = App(ProtocolMode.Oidc);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, Authority = i % 2 == 0 ? null : issuerB })));

        _authority.TokenRequests.Should().HaveCount(2);
        results.Where((_, i) => i % 2 == 0).Select(r => r.AccessToken).Distinct().Should().ContainSingle();
        results.Where((_, i) => i % 2 == 1).Select(r => r.AccessToken).Distinct().Should().ContainSingle();
        results[0].AccessToken.Should().NotBe(results[1].AccessToken);
    }

    [TestCase(ProtocolMode.AzureAD)]
    [TestCase(ProtocolMode.Oidc)]
    public async Task ExtraQueryParameters_AreSent_AndATokenIsServedOnlyForTheSameSet(ProtocolMode mode)
    {
        var app = App(mode);
        var sliceA = new Dictionary<string, string> { ["slice"] = "a", ["dc"] = "x" };
        var sliceASwapped = new Dictionary<string, string> { ["dc"] = "x", ["slice"] = "a" };
        var sliceB = new Dictionary<string, string> { ["slice"] = "b", ["dc"] = "x" };

        var plain = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes });
        var a = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, ExtraQueryParameters = sliceA });
        var b = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, ExtraQueryParameters = sliceB });
        var againA = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, ExtraQueryParameters = sliceASwapped });
        var againPlain = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes });

        new[] { plain, a, b }.Should().OnlyContain(r => r.Source == TokenSource.IdentityProvider);
        new[] { plain.AccessToken, a.AccessToken, b.AccessToken }.Should().OnlyHaveUniqueItems();
        againA.Source.Should().Be(TokenSource.Cache, "the same parameters in another order are the same set");
        againA.AccessToken.Should().Be(a.AccessToken);
        againPlain.AccessToken.Should().Be(plain.AccessToken);
        _authority.TokenRequests.Select(r => r.Query.GetValueOrDefault("slice")).Should().Equal(null, "a", "b");
        var types = AccessTokens(app).Select(t => t["credential_type"]!.GetValue<string>());
        types.Should().BeEquivalentTo(["AccessToken", "AccessToken_Extended", "AccessToken_Extended"]);
    }

    [Test]
    public async Task ExtraQueryParameters_ConcurrentMissesWithTwoSets_DoNotShareARequest()
    {
        var app = App(ProtocolMode.AzureAD);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest
        {
            Scopes = Scopes,
            ExtraQueryParameters = new Dictionary<string, string> { ["slice"] = i % 2 == 0 ? "a" : "b" },
        })));

        _authority.TokenRequests.Select(r => r.Query["slice"]).Should().BeEquivalentTo(["a", "b"]);
        results.Where((_, i) => i % 2 == 0).Select(r => r.AccessToken).Distinct().Should().ContainSingle();
        results.Where((_, i) => i % 2 == 1).Select(r => r.AccessToken).Distinct().Should().ContainSingle();
        results[0].AccessToken.Should().NotBe(results[1].AccessToken);
    }

    [Test]
    public async Task CacheWrittenWithExtraQueryParameters_IsServedAfterARestart_ForTheSameSetOnly()
    {
        var first = App(ProtocolMode.AzureAD);
        var slice = new Dictionary<string, string> { ["slice"] = "a" };
        var token = await first.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, ExtraQueryParameters = slice });
        var second = App(ProtocolMode.AzureAD);
        second.GetTokenCache().Deserialize(first.GetTokenCache().Serialize());

        var same = await second.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes, ExtraQueryParameters = slice });
        var none = await second.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Scopes });

        same.Source.Should().Be(TokenSource.Cache);
        same.AccessToken.Should().Be(token.AccessToken);
        none.Source.Should().Be(TokenSource.IdentityProvider);
    }

    private static List<JsonNode> AccessTokens(ConfidentialClientApplication app) =>
        [.. JsonNode.Parse(app.GetTokenCache().Serialize())!["AccessToken"]!.AsObject().Select(e => e.Value!)];

    private ConfidentialClientApplication App(ProtocolMode mode, CacheDialect dialect = CacheDialect.MsalNet) =>
        new(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = mode == ProtocolMode.AzureAD ? _authority.Authority : _authority.Issuer,
            ProtocolMode = mode,
            CacheDialect = dialect,
            ClientCredential = ClientCredential.FromSecret(Secret),
            RetryDelay = TimeSpan.Zero,
            NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient(), new HttpClientNetworkClientOptions()),
        });
}
