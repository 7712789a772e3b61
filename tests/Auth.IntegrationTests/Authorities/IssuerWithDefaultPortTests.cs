using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.IntegrationTests.Authorities;

/// <summary>
/// A provider that publishes its issuer with the default port spelled out (<c>https://idp.example.com:443/…</c>):
/// discovery, supplied metadata and the user flows accept it, whichever way the app spells the authority.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class IssuerWithDefaultPortTests : IDisposable
{
    private const string Host = "idp.example.com";
    private const string ClientId = "port-app";
    private const string Secret = "port-secret";

    private readonly FakeAuthority _authority = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = [Host], SpellDefaultPort = true });

    public IssuerWithDefaultPortTests() => _authority.RegisterClient(ClientId, Secret);

    public void Dispose() => _authority.Dispose();

    private static IEnumerable<string> AuthoritySpellings => ["https://idp.example.com", "https://idp.example.com:443", "https://IDP.example.com:443"];

    [TestCaseSource(nameof(AuthoritySpellings))]
    public async Task ClientCredentials_IssuerWithDefaultPort_GetsAToken(string root)
    {
        var app = App($"{root}/{_authority.TenantId}/v2.0");

        var result = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://orders/.default"] });

        result.Source.Should().Be(TokenSource.IdentityProvider);
        (await DiscoveredIssuerAsync()).Should().Be($"https://{Host}:443/{_authority.TenantId}/v2.0", "the fake must publish the port it is testing");
    }

    [TestCaseSource(nameof(AuthoritySpellings))]
    public async Task UserFlow_IssuerWithDefaultPort_SignsInAndServesSilently(string root)
    {
        var app = App($"{root}/{_authority.TenantId}/v2.0");

        var signedIn = await app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
        {
            Scopes = ["api://orders/read"],
            Username = _authority.DefaultUser.Username,
            Password = _authority.DefaultUser.Password,
        });
        var silent = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = ["api://orders/read"], Account = signedIn.Account! });

        signedIn.IdTokenClaims!["iss"].Should().Be($"https://{Host}:443/{_authority.TenantId}/v2.0");
        silent.Source.Should().Be(TokenSource.Cache);
    }

    [TestCaseSource(nameof(AuthoritySpellings))]
    public async Task SuppliedMetadata_IssuerWithDefaultPort_IsAccepted(string root)
    {
        var app = App($"{root}/{_authority.TenantId}/v2.0", await DiscoveryDocumentAsync());

        var result = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://orders/.default"] });

        result.Source.Should().Be(TokenSource.IdentityProvider);
    }

    [Test]
    public async Task SuppliedMetadata_IssuerOfAnotherPath_IsStillRefused()
    {
        var document = (await DiscoveryDocumentAsync()).Replace("/v2.0\"", "/v3.0\"", StringComparison.Ordinal);

        var act = () => App($"https://{Host}/{_authority.TenantId}/v2.0", document);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.AuthorityMetadataFailed);
    }

    private ConfidentialClientApplication App(string authority, string? metadataJson = null) => new(new ConfidentialClientOptions
    {
        ClientId = ClientId,
        Authority = authority,
        ProtocolMode = ProtocolMode.Oidc,
        ClientSecret = Secret,
        AuthorityMetadataJson = metadataJson,
        NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient()),
    });

    private async Task<string> DiscoveryDocumentAsync()
    {
        using var http = _authority.CreateHttpClient();
        return await http.GetStringAsync(new Uri($"https://{Host}/{_authority.TenantId}/v2.0/.well-known/openid-configuration"));
    }

    private async Task<string> DiscoveredIssuerAsync() =>
        System.Text.Json.JsonDocument.Parse(await DiscoveryDocumentAsync()).RootElement.GetProperty("issuer").GetString()!;
}
