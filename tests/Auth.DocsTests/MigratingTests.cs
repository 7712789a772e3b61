using Auth.Common.Responses;
using Auth.Docs.Snippets;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Identity.Client;

namespace Auth.DocsTests;

/// <summary>Runs docs/migrating-from-msal.md's before/after pairs: MSAL.NET and Auth against the same FakeAuthority.</summary>
[TestFixture]
public sealed class MigratingTests
{
    private FakeAuthority _fake = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void Start()
    {
        _fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        _fake.RegisterClient("orders-daemon", "test-secret");
        _fake.RegisterPublicClient("orders-cli");
        _fake.DeviceCodePollInterval = TimeSpan.FromSeconds(1); // the clients wait the interval between polls
        _http = _fake.CreateHttpClient();
    }

    [TearDown]
    public void Stop()
    {
        _http.Dispose();
        _fake.Dispose();
    }

    [Test]
    public async Task Daemon_BeforeAndAfter_SendTheSameTokenRequest()
    {
        var msal = await MigratingMsalExamples.MsalDaemonAsync("test-secret", new HttpClientFactory(_http));
        var ours = await MigratingExamples.DaemonAsync("test-secret", new HttpClientNetworkClient(_fake.CreateHttpClient()));

        msal.Should().NotBeNullOrEmpty();
        ours.Should().NotBeNullOrEmpty();
        _fake.TokenRequests.Should().HaveCount(2);
        _fake.TokenRequests.Select(r => (r.Tenant, r.GrantType, r.Form["scope"])).Distinct().Should().ContainSingle()
            .Which.Should().Be(("contoso.onmicrosoft.com", "client_credentials", "api://orders/.default"));
    }

    [Test]
    public async Task Cli_AuthReadsTheCacheFileMsalWrote_NoSecondSignIn()
    {
        var file = Path.Combine(Path.GetTempPath(), $"msal-cache-{Guid.NewGuid():N}.json");
        try
        {
            var msal = await MigratingMsalExamples.MsalCliAsync(file, new HttpClientFactory(_http), _fake);
            var ours = await MigratingExamples.CliAsync(file, new HttpClientNetworkClient(_fake.CreateHttpClient()), _fake);
            var msalAgain = await MigratingMsalExamples.MsalCliAsync(file, new HttpClientFactory(_http), _fake);

            msal.AuthenticationResultMetadata.TokenSource.Should().Be(Microsoft.Identity.Client.TokenSource.IdentityProvider);
            ours.Source.Should().Be(Auth.Common.Responses.TokenSource.Cache, "Auth served MSAL.NET's token from the file");
            ours.AccessToken.Should().Be(msal.AccessToken);
            ours.Account!.HomeAccountId.Should().Be(msal.Account.HomeAccountId.Identifier);
            msalAgain.AuthenticationResultMetadata.TokenSource.Should().Be(Microsoft.Identity.Client.TokenSource.Cache, "MSAL.NET reads what Auth wrote back");
            _fake.RequestCount("device_code").Should().Be(1, "one sign-in, by MSAL.NET");
            _fake.RequestCount("urn:ietf:params:oauth:grant-type:device_code").Should().Be(0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Cli_WithoutACacheFile_SignsInWithDeviceCode()
    {
        var file = Path.Combine(Path.GetTempPath(), $"auth-cache-{Guid.NewGuid():N}.json");
        try
        {
            var ours = await MigratingExamples.CliAsync(file, new HttpClientNetworkClient(_fake.CreateHttpClient()), _fake);

            ours.Source.Should().Be(Auth.Common.Responses.TokenSource.IdentityProvider);
            File.Exists(file).Should().BeTrue();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task RequestOptions_TenantClaimsAndExtraQueryParameters_ReachTheTokenRequest()
    {
        var app = new Auth.Server.ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "orders-daemon",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromSecret("test-secret"),
            NetworkClient = new HttpClientNetworkClient(_fake.CreateHttpClient()),
        });
        const string claims = """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""";

        var result = await MigratingExamples.RequestOptionsAsync(app, claims);

        result.Source.Should().Be(Auth.Common.Responses.TokenSource.IdentityProvider);
        var sent = _fake.TokenRequests.Should().ContainSingle().Subject;
        sent.Tenant.Should().Be("fabrikam.onmicrosoft.com");
        sent.Form["claims"].Should().Contain("acrs");
        sent.Query["dc"].Should().Be("ESTS-PUB-WUS2-AZ1-FD000-TEST1");
    }

    private sealed class HttpClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
