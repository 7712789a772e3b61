using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Docs.Snippets;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.DocsTests;

[TestFixture]
public sealed class AuthoritiesTests
{
    private const string ClientId = "00000000-0000-0000-0000-000000000005";
    private const string Secret = "s3cret";
    private static readonly ClientCredentialRequest AppRequest = new() { Scopes = ["api://orders/.default"] };

    private FakeAuthority _fake = null!;
    private HttpClientNetworkClient _network = null!;

    [SetUp]
    public void Start()
    {
        _fake = FakeAuthority.Start(new FakeAuthorityOptions
        {
            Hosts =
            [
                "login.microsoftonline.com", "login.microsoftonline.us", "westus.login.microsoft.com",
                "adfs.contoso.com", "contoso.ciamlogin.com", "accounts.contoso.com", "login.fabrikam.example",
            ],
        });
        _fake.RegisterClient(ClientId, Secret);
        _network = new HttpClientNetworkClient(_fake.CreateHttpClient());
    }

    [TearDown]
    public void Stop() => _fake.Dispose();

    [Test]
    public async Task PerRequestTenant_GoesToTheCustomersTenant()
    {
        var customer = Guid.NewGuid().ToString();

        var result = await Authorities.PerTenantAsync(customer, Secret, _network);

        result.AccessToken.Should().NotBeNullOrEmpty();
        _fake.TokenRequests.Single().Path.Should().StartWith($"/{customer}/");
    }

    [Test]
    public async Task NationalCloud_UsGovernment_IsKnownWithoutInstanceDiscovery()
    {
        await Authorities.UsGovernmentAsync(Secret, _network);

        _fake.TokenRequests.Single().Host.Should().Be("login.microsoftonline.us");
        _fake.InstanceDiscoveryRequestCount.Should().Be(0);
    }

    [Test]
    public async Task Regional_GoesToTheRegionsHost()
    {
        await Authorities.RegionalAsync(Secret, _network);

        _fake.TokenRequests.Single().Host.Should().Be("westus.login.microsoft.com");
    }

    [Test]
    public async Task Regional_FailingRegion_FallsBackToGlobal()
    {
        _fake.RegionalFailure = FakeRegionalFailure.Unreachable;

        var result = await Authorities.RegionalAsync(Secret, _network);

        result.AccessToken.Should().NotBeNullOrEmpty();
        _fake.TokenRequests[^1].Host.Should().Be("login.microsoftonline.com");
    }

    [Test]
    public async Task B2C_AccountPerPolicy_ServesTheSilentCall()
    {
        var tenant = _fake.AddB2C("contoso");
        _fake.RegisterPublicClient("00000000-0000-0000-0000-000000000006");
        var app = Authorities.B2CApp(_network);
        string[] scopes = ["https://contoso.onmicrosoft.com/api/read"];
        var signIn = await app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
        {
            Scopes = scopes,
            Username = _fake.DefaultUser.Username,
            Password = _fake.DefaultUser.Password,
        });

        var result = await Authorities.B2CSilentAsync(app, scopes);

        tenant.Host.Should().Be("contoso.b2clogin.com");
        signIn.Account!.B2CPolicy.Should().BeEquivalentTo("B2C_1_signupsignin");
        signIn.Account.HomeAccountId.Should().EndWith($"-b2c_1_signupsignin.{signIn.Account.TenantId}");
        result.Source.Should().Be(TokenSource.Cache);
        _fake.TokenRequests.Single().Path.Should().StartWith("/contoso.onmicrosoft.com/b2c_1_signupsignin/", "B2C's token endpoint sits under the policy");
    }

    [Test]
    public async Task Adfs_TokenFromTheAdfsPath()
    {
        await Authorities.Adfs(Secret, _network).AcquireTokenByClientCredentialAsync(AppRequest);

        var sent = _fake.TokenRequests.Single();
        sent.Host.Should().Be("adfs.contoso.com");
        sent.Path.Should().StartWith("/adfs/");
    }

    [Test]
    public async Task Ciam_TenantFromTheHost()
    {
        await Authorities.Ciam(Secret, _network).AcquireTokenByClientCredentialAsync(AppRequest);

        var sent = _fake.TokenRequests.Single();
        sent.Host.Should().Be("contoso.ciamlogin.com");
        sent.Path.Should().StartWith("/contoso.onmicrosoft.com/");
    }

    [Test]
    public async Task Oidc_GenericProvider_NoMicrosoftParameters_IssuerScopedAccount()
    {
        var app = Authorities.OpenIdProvider($"https://accounts.contoso.com/{_fake.TenantId}/v2.0", Secret, _network);

        await app.AcquireTokenByClientCredentialAsync(AppRequest);
        var user = await app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
        {
            Scopes = ["openid", "api://orders/read"],
            Username = _fake.DefaultUser.Username,
            Password = _fake.DefaultUser.Password,
        });

        _fake.TokenRequests.Should().OnlyContain(r => r.Host == "accounts.contoso.com" && !r.Form.ContainsKey("client_info"));
        user.Account!.HomeAccountId.Should().MatchRegex("~[0-9a-f]{32}$", "a generic provider's account is its sub scoped to the issuer");
        _fake.InstanceDiscoveryRequestCount.Should().Be(0);
    }

    [Test]
    public async Task KnownAuthorities_ListedAdfsServesRequests_UnlistedHostIsRefusedUnsent()
    {
        var app = Authorities.WithKnownAuthorities(Secret, _network);

        var adfs = await app.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = "https://adfs.contoso.com/adfs" });
        var act = () => app.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = "https://login.fabrikam.example/adfs" });

        adfs.AccessToken.Should().NotBeNullOrEmpty();
        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
        error.Message.Should().Contain("login.fabrikam.example");
        _fake.TokenRequests.Should().ContainSingle().Which.Host.Should().Be("adfs.contoso.com");
    }

    [Test]
    public async Task EntraAuthority_OnAHostInstanceDiscoveryDoesNotKnow_IsInvalidInstance()
    {
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = "https://login.fabrikam.example/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromSecret(Secret),
            NetworkClient = _network,
        });

        var act = () => app.AcquireTokenByClientCredentialAsync(AppRequest);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidInstance);
        _fake.InstanceDiscoveryRequestCount.Should().Be(1);
        _fake.TokenRequests.Should().BeEmpty();
    }

    [Test]
    public void KnownAuthorities_WithoutTheConfiguredHost_FailsAtConstruction()
    {
        var act = () => new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = "https://adfs.contoso.com/adfs",
            KnownAuthorities = ["login.fabrikam.example"],
            ClientCredential = ClientCredential.FromSecret(Secret),
        });

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
    }
}
