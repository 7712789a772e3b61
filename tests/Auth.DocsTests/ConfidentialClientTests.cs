using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Web;
using Auth.Common.ManagedIdentity;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Docs.Snippets;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.Configuration;

namespace Auth.DocsTests;

[TestFixture]
public sealed class ConfidentialClientTests
{
    private const string ClientId = "00000000-0000-0000-0000-00000000000b";
    private FakeAuthority _fake = null!;

    [SetUp]
    public void Start() => _fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });

    [TearDown]
    public void Stop() => _fake.Dispose();

    private HttpClientNetworkClient Network() => new(_fake.CreateHttpClient());

    [Test]
    public async Task Secret_Daemon_GetsAnAppToken_ThenServesItFromTheCache()
    {
        _fake.RegisterClient(ClientId, "s3cret");
        var app = ConfidentialClient.WithSecret("s3cret", Network());

        var first = await ConfidentialClient.DaemonAsync(app);
        var second = await ConfidentialClient.DaemonAsync(app);

        first.Source.Should().Be(TokenSource.IdentityProvider);
        second.Source.Should().Be(TokenSource.Cache);
        first.Account.Should().BeNull("an app-only token has no account");
        _fake.TokenRequests.Should().ContainSingle().Which.Form["client_secret"].Should().Be("s3cret");
    }

    [Test]
    public async Task Certificate_SignsAClientAssertion_WithX5c()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=contoso-daemon", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddDays(1));
        _fake.RegisterClient(ClientId, certificate);

        var result = await ConfidentialClient.DaemonAsync(ConfidentialClient.WithCertificate(certificate, Network()));

        result.AccessToken.Should().NotBeNullOrEmpty();
        var form = _fake.TokenRequests.Should().ContainSingle().Which.Form;
        form["client_assertion_type"].Should().Be("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.Should().NotContainKey("client_secret");
        Header(form["client_assertion"]).Should().Contain("\"x5c\"");
    }

    [Test]
    public async Task AssertionCallback_ReadsTheFederatedTokenFile_ForEachRequest()
    {
        using var identity = FakeManagedIdentityEndpoint.Start(FakeManagedIdentityOptions.ForAuthority(_fake, FakeManagedIdentitySource.AppService));
        _fake.RegisterFederatedClient(ClientId, _fake.Issuer, identity.SystemAssigned.ObjectId);
        var managed = new ManagedIdentityApplication(new ManagedIdentityOptions { Platform = new ManagedIdentityPlatform(identity.EnvironmentVariables) });
        var federated = await managed.AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = "api://AzureADTokenExchange" });
        var tokenFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(tokenFile, federated.AccessToken + "\n");

            var result = await ConfidentialClient.DaemonAsync(ConfidentialClient.WithAssertionCallback(tokenFile, Network()));

            result.Source.Should().Be(TokenSource.IdentityProvider);
            _fake.TokenRequests.Should().ContainSingle().Which.Form["client_assertion"].Should().Be(federated.AccessToken);
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Test]
    public async Task ManagedIdentity_IsTheFederatedCredential()
    {
        using var identity = FakeManagedIdentityEndpoint.Start(FakeManagedIdentityOptions.ForAuthority(_fake, FakeManagedIdentitySource.AppService));
        _fake.RegisterFederatedClient(ClientId, _fake.Issuer, identity.SystemAssigned.ObjectId);

        var result = await ConfidentialClient.DaemonAsync(ConfidentialClient.WithManagedIdentity(new ManagedIdentityPlatform(identity.EnvironmentVariables), Network()));

        result.Source.Should().Be(TokenSource.IdentityProvider);
        _fake.TokenRequests.Should().ContainSingle().Which.Form["client_assertion_type"].Should().Be("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    }

    [Test]
    public async Task WebApp_SignInUrl_CarriesStateNonceAndPkce_AndTheRedirectIsRedeemed()
    {
        _fake.RegisterClient(ClientId, "s3cret");
        _fake.RegisterRedirectUri(ClientId, "https://app.contoso.com/signin-oidc");
        var app = ConfidentialClient.WithSecret("s3cret", Network());

        var signIn = await ConfidentialClient.SignInAsync(app);
        var query = HttpUtility.ParseQueryString(signIn.Url.Query);
        var redirect = await BrowseAsync(signIn.Url);
        var returned = HttpUtility.ParseQueryString(redirect.Query);
        var result = await ConfidentialClient.RedeemAsync(app, signIn, returned["code"]!, returned["state"], returned["iss"]);

        query["state"].Should().Be(signIn.State);
        query["nonce"].Should().Be(signIn.Nonce);
        query["code_challenge_method"].Should().Be("S256");
        query["scope"].Should().Contain("User.Read").And.Contain("offline_access");
        result.Account!.Username.Should().Be(_fake.DefaultUser.Username);
        _fake.TokenRequests.Should().ContainSingle().Which.Form["code_verifier"].Should().Be(signIn.CodeVerifier);
    }

    [Test]
    public async Task WebApp_ForgedState_IsRefusedBeforeAnythingIsSent()
    {
        _fake.RegisterClient(ClientId, "s3cret");
        _fake.RegisterRedirectUri(ClientId, "https://app.contoso.com/signin-oidc");
        var app = ConfidentialClient.WithSecret("s3cret", Network());
        var signIn = await ConfidentialClient.SignInAsync(app);

        var act = () => ConfidentialClient.RedeemAsync(app, signIn, "stolen-code", "attacker-state", null);

        (await act.Should().ThrowAsync<Auth.Common.Errors.AuthClientException>()).Which.Code.Should().Be("state_mismatch");
        _fake.TokenRequests.Should().BeEmpty();
    }

    [Test]
    public async Task WebApi_OnBehalfOf_ExchangesTheIncomingToken_OncePerToken()
    {
        _fake.RegisterClient(ClientId, "s3cret");
        var incoming = _fake.IssueUserAccessToken(_fake.DefaultUser, ClientId, ["access_as_user"]);
        var app = ConfidentialClient.WithSecret("s3cret", Network());

        var first = await ConfidentialClient.OnBehalfOfAsync(app, incoming);
        var second = await ConfidentialClient.OnBehalfOfAsync(app, incoming);

        first.Source.Should().Be(TokenSource.IdentityProvider);
        second.Source.Should().Be(TokenSource.Cache);
        var form = _fake.TokenRequests.Should().ContainSingle().Which.Form;
        form["requested_token_use"].Should().Be("on_behalf_of");
        form["assertion"].Should().Be(incoming);
    }

    [Test]
    public async Task DependencyInjection_BindsTheSecret_AndStoresTokensEncryptedInTheDistributedCache()
    {
        _fake.RegisterClient(ClientId, "s3cret");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:ClientId"] = ClientId,
            ["Auth:Authority"] = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ["Auth:ClientSecret"] = "s3cret",
            ["TokenCache:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }).Build();

        var (provider, app) = ConfidentialClient.DependencyInjection(configuration, Network());
        await using (provider)
        {
            var result = await ConfidentialClient.DaemonAsync(app);
            var again = await ConfidentialClient.DaemonAsync(app);

            result.Source.Should().Be(TokenSource.IdentityProvider);
            again.Source.Should().Be(TokenSource.Cache);
            _fake.TokenRequests.Should().ContainSingle().Which.Form["client_secret"].Should().Be("s3cret");
        }
    }

    private static string Header(string jwt) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(jwt.Split('.')[0].Replace('-', '+').Replace('_', '/'))));

    private static string Pad(string base64) => base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');

    private async Task<Uri> BrowseAsync(Uri url)
    {
        using var browser = _fake.CreateHttpClient();
        using var response = await browser.GetAsync(url);
        return response.Headers.Location ?? throw new AssertionException($"authorize answered {(int)response.StatusCode}");
    }
}
