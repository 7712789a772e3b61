using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.IntegrationTests.Authorities;

/// <summary>
/// Which authorities an app talks to. The fake serves every virtual host it knows, <c>evil.example</c> included, so a
/// refused authority would have answered: the tests check that nothing at all was sent to it (no secret, no password).
/// </summary>
[TestFixture]
public sealed class AuthorityTrustTests : AuthorityFixture
{
    private const string Evil = "evil.example";
    private SentRequests _sent = null!;

    [SetUp]
    public void AddHosts()
    {
        Authority.AddHost(Evil);
        Authority.AddHost("login.contoso.com");
        Authority.AddHost("idp2.example");
    }

    [TestCase("https://evil.example/adfs", AuthErrorCodes.InvalidAuthority)]
    [TestCase("https://evil.example/tfp/contoso.onmicrosoft.com/B2C_1_SignUpSignIn", AuthErrorCodes.InvalidAuthority)]
    [TestCase("https://evil.example/contoso.onmicrosoft.com/B2C_1_SignUpSignIn", AuthErrorCodes.InvalidInstance)] // Entra-shaped: Entra's instance discovery refuses it
    public async Task ClientCredentials_RequestAuthorityOnAHostNobodyTrusts_IsRefusedAndTheSecretStaysHome(string url, string code)
    {
        var app = Entra();

        var act = () => app.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = url });

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(code);
        error.Message.Should().Contain(Evil).And.NotContain(Secret);
        _sent.All.Where(r => r.IsPost || r.Uri.AbsolutePath != "/common/discovery/instance").Should()
            .BeEmpty("nothing but Entra's instance discovery may be asked before the authority is trusted");
        _sent.To(Evil).Should().BeEmpty();
        Authority.TokenRequests.Should().BeEmpty();
        Authority.DiscoveryRequestCount.Should().Be(0);
    }

    [Test]
    public async Task UsernamePassword_RequestAuthorityOnAHostNobodyTrusts_NeverSendsThePassword()
    {
        var app = Entra();

        var act = () => app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
        {
            Scopes = UserScopes,
            Username = Authority.DefaultUser.Username,
            Password = Authority.DefaultUser.Password,
            Authority = "https://evil.example/adfs",
        });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
        _sent.All.Should().BeEmpty();
        Authority.TokenRequests.Should().BeEmpty();
    }

    [Test]
    public async Task ClientCredentials_EntraShapedRequestAuthorityOnAnUnknownHost_IsRefusedByInstanceDiscovery()
    {
        var app = Entra();

        var act = () => app.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = Authority.AuthorityFor(Evil) });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidInstance);
        _sent.To(Evil).Should().BeEmpty();
        Authority.InstanceDiscoveryRequestCount.Should().Be(1);
        Authority.TokenRequests.Should().BeEmpty();
    }

    [Test]
    public async Task InstanceDiscoveryUnreachable_FailsClosed_NothingIsSentToTheAuthority()
    {
        // A fake that does not serve login.microsoftonline.com: Entra's instance discovery cannot be reached.
        await using var isolated = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.sovereign.example"] });
        isolated.RegisterClient(ClientId, Secret);
        var sent = new SentRequests(new HttpClientNetworkClient(isolated.CreateHttpClient(), new HttpClientNetworkClientOptions()));
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = isolated.AuthorityFor("login.sovereign.example"),
            ClientSecret = Secret,
            RetryDelay = TimeSpan.Zero,
            NetworkClient = sent,
        });

        var act = () => app.AcquireTokenByClientCredentialAsync(AppRequest);

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.InstanceDiscoveryFailed);
        error.InnerException.Should().BeOfType<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.NetworkError);
        sent.All.Should().OnlyContain(r => r.Uri.Host == "login.microsoftonline.com" && r.Uri.AbsolutePath == "/common/discovery/instance");
        isolated.TokenRequests.Should().BeEmpty();
    }

    [Test]
    public async Task EntraAuthorityOnACloudInstanceDiscoveryVouchesFor_GetsTokens()
    {
        Authority.AddCloud("login.sovereign.example", "sts.sovereign.example");
        var configured = App(Authority.AuthorityFor("login.sovereign.example"));
        var requested = Entra();

        var first = await configured.AcquireTokenByClientCredentialAsync(AppRequest);
        var second = await requested.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = Authority.AuthorityFor("sts.sovereign.example") });

        first.AccessToken.Should().NotBeNullOrEmpty();
        second.AccessToken.Should().NotBeNullOrEmpty();
        Authority.InstanceDiscoveryRequestCount.Should().Be(2, "each app asked once");
        Authority.TokenRequests.Select(r => r.Host).Should().Equal("login.sovereign.example", "sts.sovereign.example");
    }

    [Test]
    public async Task Adfs_ListedInKnownAuthorities_ServesRequestAuthorities_UnlistedAdfsDoesNot()
    {
        var app = Entra(knownAuthorities: ["adfs.contoso.com"]);

        var adfs = await app.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = Authority.AdfsAuthorityFor("adfs.contoso.com") });
        var act = () => app.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = "https://evil.example/adfs" });

        adfs.AccessToken.Should().NotBeNullOrEmpty();
        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
        Authority.TokenRequests.Should().ContainSingle().Which.Host.Should().Be("adfs.contoso.com");
    }

    [Test]
    public async Task B2C_CustomDomain_WorksWhenListed_AndIsRefusedWhenNot()
    {
        var url = Authority.B2CAuthorityFor("login.contoso.com", "B2C_1_SignUpSignIn", "contoso.onmicrosoft.com");
        var unlisted = Entra();
        var listed = Entra(knownAuthorities: ["login.contoso.com"]);

        var act = () => unlisted.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = url });
        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
        var result = await listed.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = url });

        result.AccessToken.Should().NotBeNullOrEmpty();
        Authority.TokenRequests.Should().ContainSingle().Which.Host.Should().Be("login.contoso.com");
    }

    [Test]
    public async Task B2C_OnB2CLoginHost_AsTheConfiguredAuthority_NeedsNoConfiguration()
    {
        var result = await App(Authority.B2CAuthorityFor("contoso.b2clogin.com", "B2C_1_SignUpSignIn")).AcquireTokenByClientCredentialAsync(AppRequest);

        result.AccessToken.Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task Oidc_RequestAuthorityOnAnotherHost_IsRefused_UnlessListed()
    {
        var other = $"https://idp2.example/{Authority.TenantId}/v2.0";
        var app = Oidc();
        var listing = Oidc(knownAuthorities: ["localhost", "idp2.example"]);

        var same = await app.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = Authority.Issuer });
        var act = () => app.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = other });
        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
        var listed = await listing.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = other });

        same.AccessToken.Should().NotBeNullOrEmpty();
        listed.AccessToken.Should().NotBeNullOrEmpty();
        Authority.TokenRequests.Select(r => r.Host).Should().Equal($"localhost:{Authority.BaseUri.Port}", "idp2.example");
    }

    [Test]
    public async Task Loopback_RequestAuthorityOnAnotherPort_IsRefused()
    {
        var app = App(Authority.Authority);

        var act = () => app.AcquireTokenByClientCredentialAsync(AppRequest with { Authority = $"https://127.0.0.1:{Authority.BaseUri.Port}/{Authority.TenantId}" });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
        Authority.TokenRequests.Should().BeEmpty();
    }

    private ConfidentialClientApplication Entra(IList<string>? knownAuthorities = null) =>
        Build(Authority.AuthorityFor("login.microsoftonline.com"), ProtocolMode.AzureAD, knownAuthorities);

    private ConfidentialClientApplication Oidc(IList<string>? knownAuthorities = null) =>
        Build(Authority.Issuer, ProtocolMode.Oidc, knownAuthorities);

    private ConfidentialClientApplication Build(string authority, ProtocolMode mode, IList<string>? knownAuthorities)
    {
        _sent = new SentRequests(new HttpClientNetworkClient(Authority.CreateHttpClient(), new HttpClientNetworkClientOptions()));
        return new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = authority,
            ProtocolMode = mode,
            ClientSecret = Secret,
            KnownAuthorities = knownAuthorities ?? [],
            RetryDelay = TimeSpan.Zero,
            NetworkClient = _sent,
        });
    }
}
