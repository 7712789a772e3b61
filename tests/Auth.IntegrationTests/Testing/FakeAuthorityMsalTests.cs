using Auth.Testing;
using Microsoft.Identity.Client;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityMsalTests
{
    private FakeAuthority _authority = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void SetUp()
    {
        _authority = FakeAuthority.Start();
        _http = _authority.CreateHttpClient();
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        _authority.Dispose();
    }

    [Test]
    public async Task Msal_ClientSecret_AcquiresVerifiableTokenAndCachesIt()
    {
        _authority.RegisterClient("msal-secret-app", "msal-secret");
        var app = Builder("msal-secret-app").WithClientSecret("msal-secret").Build();

        var first = await app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();
        var second = await app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();

        JwtInspector.VerifiesWith(first.AccessToken, _authority.JwksJson).Should().BeTrue();
        JwtInspector.Payload(first.AccessToken).GetProperty("aud").GetString().Should().Be("api://orders");
        first.TenantId.Should().Be(_authority.TenantId);
        second.AuthenticationResultMetadata.TokenSource.Should().Be(TokenSource.Cache);
        _authority.RequestCount("client_credentials").Should().Be(1);
    }

    [Test]
    public async Task Msal_Certificate_SendsAnAssertionTheAuthorityAccepts()
    {
        _authority.RegisterClient("msal-cert-app", TestCertificates.Client);
        var app = Builder("msal-cert-app").WithCertificate(TestCertificates.Client).Build();

        var result = await app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();

        JwtInspector.Payload(result.AccessToken).GetProperty("appidacr").GetString().Should().Be("2");
        _authority.TokenRequests.Single().Form["client_assertion_type"].Should().Be(TokenClient.AssertionType);
    }

    [Test]
    public async Task Msal_Throttled_SurfacesStatusAndRetryAfter()
    {
        _authority.RegisterClient("msal-throttled-app", "s");
        _authority.EnqueueTokenResponse(FakeTokenResponse.Throttled(TimeSpan.FromSeconds(30)));
        var app = Builder("msal-throttled-app").WithClientSecret("s").Build();

        var act = () => app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();

        var error = (await act.Should().ThrowAsync<MsalServiceException>()).Which;
        error.StatusCode.Should().Be(429);
        error.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task Msal_WrongSecret_SurfacesInvalidClientWithAadstsCode()
    {
        _authority.RegisterClient("msal-wrong-app", "right");
        var app = Builder("msal-wrong-app").WithClientSecret("wrong").Build();

        var act = () => app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();

        var error = (await act.Should().ThrowAsync<MsalServiceException>()).Which;
        error.ErrorCode.Should().Be("invalid_client");
        error.Message.Should().Contain("AADSTS7000215");
    }

    private ConfidentialClientApplicationBuilder Builder(string clientId) =>
        ConfidentialClientApplicationBuilder.Create(clientId)
            .WithAuthority(_authority.Authority, validateAuthority: false)
            .WithInstanceDiscoveryMetadata(_authority.InstanceDiscoveryMetadataJson)
            .WithHttpClientFactory(new FixedHttpClientFactory(_http));

    private sealed class FixedHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
