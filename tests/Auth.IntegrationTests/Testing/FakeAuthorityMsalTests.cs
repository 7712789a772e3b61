using Auth.Testing;
using Microsoft.Identity.Client;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityMsalTests : FakeAuthorityFixture
{
    [Test]
    public async Task Msal_ClientSecret_AcquiresVerifiableTokenAndCachesIt()
    {
        Authority.RegisterClient("msal-secret-app", "msal-secret");
        var app = Builder("msal-secret-app").WithClientSecret("msal-secret").Build();

        var first = await app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();
        var second = await app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();

        JwtInspector.VerifiesWith(first.AccessToken, Authority.JwksJson).Should().BeTrue();
        JwtInspector.Payload(first.AccessToken).GetProperty("aud").GetString().Should().Be("api://orders");
        first.TenantId.Should().Be(Authority.TenantId);
        second.AuthenticationResultMetadata.TokenSource.Should().Be(TokenSource.Cache);
        Authority.RequestCount("client_credentials").Should().Be(1);
    }

    [Test]
    public async Task Msal_Certificate_SendsAnAssertionTheAuthorityAccepts()
    {
        Authority.RegisterClient("msal-cert-app", TestCertificates.Client);
        var app = Builder("msal-cert-app").WithCertificate(TestCertificates.Client).Build();

        var result = await app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();

        JwtInspector.Payload(result.AccessToken).GetProperty("appidacr").GetString().Should().Be("2");
        Authority.TokenRequests.Single().Form["client_assertion_type"].Should().Be(TokenClient.AssertionType);
    }

    [Test]
    public async Task Msal_Throttled_SurfacesStatusAndRetryAfter()
    {
        Authority.RegisterClient("msal-throttled-app", "s");
        Authority.EnqueueTokenResponse(FakeTokenResponse.Throttled(TimeSpan.FromSeconds(30)));
        var app = Builder("msal-throttled-app").WithClientSecret("s").Build();

        var act = () => app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();

        var error = (await act.Should().ThrowAsync<MsalServiceException>()).Which;
        error.StatusCode.Should().Be(429);
        error.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task Msal_WrongSecret_SurfacesInvalidClientWithAadstsCode()
    {
        Authority.RegisterClient("msal-wrong-app", "right");
        var app = Builder("msal-wrong-app").WithClientSecret("wrong").Build();

        var act = () => app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();

        var error = (await act.Should().ThrowAsync<MsalServiceException>()).Which;
        error.ErrorCode.Should().Be("invalid_client");
        error.Message.Should().Contain("AADSTS7000215");
    }

    private ConfidentialClientApplicationBuilder Builder(string clientId) =>
        ConfidentialClientApplicationBuilder.Create(clientId)
            .WithAuthority(Authority.Authority, validateAuthority: false)
            .WithInstanceDiscoveryMetadata(Authority.InstanceDiscoveryMetadataJson)
            .WithHttpClientFactory(new FixedMsalHttpClientFactory(Http));
}
