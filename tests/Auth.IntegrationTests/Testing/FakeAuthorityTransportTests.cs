using System.Net;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityTransportTests
{
    [Test]
    public async Task Start_HttpMode_ServesOverPlainHttp()
    {
        await using var authority = FakeAuthority.Start(new FakeAuthorityOptions { UseHttps = false });
        using var http = authority.CreateHttpClient();

        var response = await http.GetAsync($"{authority.Issuer}/.well-known/openid-configuration");

        authority.ServerCertificate.Should().BeNull();
        authority.BaseUri.Scheme.Should().Be("http");
        authority.BaseUri.Host.Should().Be("localhost");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Start_HttpsMode_UsesSelfSignedLocalhostCertificate()
    {
        await using var authority = FakeAuthority.Start();
        using var http = authority.CreateHttpClient();

        var response = await http.GetAsync($"{authority.Issuer}/.well-known/openid-configuration");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        authority.BaseUri.Scheme.Should().Be("https");
        authority.ServerCertificate!.Subject.Should().Be("CN=localhost");
        authority.ServerCertificate.HasPrivateKey.Should().BeTrue();
    }

    [Test]
    public async Task CreateHttpMessageHandler_OtherAuthoritysCertificate_RejectsTheConnection()
    {
        await using var first = FakeAuthority.Start();
        await using var second = FakeAuthority.Start();
        using var http = new HttpClient(first.CreateHttpMessageHandler());

        var act = () => http.GetAsync($"{second.Issuer}/.well-known/openid-configuration");

        await act.Should().ThrowAsync<HttpRequestException>();
        second.DiscoveryRequestCount.Should().Be(0);
    }

    [Test]
    public async Task ServerCertificate_DefaultHttpClient_IsNotTrusted()
    {
        await using var authority = FakeAuthority.Start();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        var act = () => http.GetAsync($"{authority.Issuer}/.well-known/openid-configuration");

        await act.Should().ThrowAsync<HttpRequestException>();
    }

    [Test]
    public async Task CreateHttpMessageHandler_NonLoopbackHost_RefusesToConnect()
    {
        await using var authority = FakeAuthority.Start();
        using var http = authority.CreateHttpClient();

        var act = () => http.GetAsync("https://login.microsoftonline.com/common/discovery/instance");

        (await act.Should().ThrowAsync<HttpRequestException>()).Which.Message.Should().Contain("loopback");
    }

    [Test]
    public void Start_NonGuidTenantId_Throws()
    {
        var options = new FakeAuthorityOptions { TenantId = "contoso.onmicrosoft.com" };

        var act = () => FakeAuthority.Start(options);

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public async Task Start_ConfiguredTenantId_ShapesAuthorityIssuerAndTokenEndpoint()
    {
        const string TenantId = "8eaef023-2b34-4da1-9baa-8bc8c9d6a490";

        await using var authority = FakeAuthority.Start(new FakeAuthorityOptions { TenantId = TenantId });

        authority.TenantId.Should().Be(TenantId);
        authority.Authority.Should().Be($"{authority.BaseUri}{TenantId}");
        authority.Issuer.Should().Be($"{authority.BaseUri}{TenantId}/v2.0");
        authority.TokenEndpoint.Should().Be(new Uri($"{authority.BaseUri}{TenantId}/oauth2/v2.0/token"));
    }
}
