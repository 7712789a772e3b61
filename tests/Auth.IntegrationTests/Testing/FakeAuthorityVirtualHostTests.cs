using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityVirtualHostTests : VirtualHostFixture
{
    [Test]
    public async Task Discovery_OnVirtualHost_NamesThatHostEverywhere()
    {
        var json = await GetJsonAsync($"https://{PublicCache}/{Authority.TenantId}/v2.0/.well-known/openid-configuration");

        var root = $"https://{PublicCache}/{Authority.TenantId}";
        json.GetProperty("issuer").GetString().Should().Be($"{root}/v2.0");
        json.GetProperty("token_endpoint").GetString().Should().Be($"{root}/oauth2/v2.0/token");
        json.GetProperty("authorization_endpoint").GetString().Should().Be($"{root}/oauth2/v2.0/authorize");
        json.GetProperty("device_authorization_endpoint").GetString().Should().Be($"{root}/oauth2/v2.0/devicecode");
        json.GetProperty("jwks_uri").GetString().Should().Be($"{root}/discovery/v2.0/keys");
        json.GetProperty("cloud_instance_name").GetString().Should().Be("microsoftonline.com");
        Authority.Issuer.Should().StartWith(Authority.BaseUri.ToString(), "the public properties stay on localhost");
    }

    [Test]
    public async Task Discovery_VirtualHostWithExplicitPort_KeepsThePort()
    {
        var json = await GetJsonAsync($"https://{Public}:8443/common/v2.0/.well-known/openid-configuration");

        json.GetProperty("issuer").GetString().Should().Be($"https://{Public}:8443/{{tenantid}}/v2.0");
        json.GetProperty("token_endpoint").GetString().Should().Be($"https://{Public}:8443/common/oauth2/v2.0/token");
    }

    [Test]
    public async Task ClientCredentials_OnVirtualHost_IssuesTokenFromThatHostAndCapturesHostAndTelemetry()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Authority.AuthorityFor(Public) + "/oauth2/v2.0/token")
        {
            Content = new FormUrlEncodedContent(ClientCredentials()),
        };
        request.Headers.Add("x-client-SKU", "Auth.Server");
        request.Headers.Add("x-client-VER", "0.1.0");
        request.Headers.Add("x-client-OS", "Linux");
        request.Headers.Add("x-client-current-telemetry", "5|771,0,,,|,");
        request.Headers.Add("x-client-last-telemetry", "5|0|||0,0");
        request.Headers.Add("client-request-id", "0b2a3c4d-0000-4000-8000-000000000001");

        using var response = await Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = (await TokenClient.JsonAsync(response)).GetProperty("access_token").GetString()!;
        JwtInspector.Payload(token).GetProperty("iss").GetString().Should().Be($"https://{Public}/{Authority.TenantId}/v2.0");
        JwtInspector.VerifiesWith(token, Authority.JwksJson).Should().BeTrue();
        var captured = Authority.TokenRequests.Single();
        captured.Host.Should().Be(Public);
        captured.Path.Should().Be($"/{Authority.TenantId}/oauth2/v2.0/token");
        captured.Headers["x-client-SKU"].Should().Be("Auth.Server");
        captured.Headers["x-client-VER"].Should().Be("0.1.0");
        captured.Headers["x-client-OS"].Should().Be("Linux");
        captured.Headers["x-client-current-telemetry"].Should().Be("5|771,0,,,|,");
        captured.Headers["x-client-last-telemetry"].Should().Be("5|0|||0,0");
        captured.Headers["client-request-id"].Should().Be("0b2a3c4d-0000-4000-8000-000000000001");
    }

    [Test]
    public async Task TokenRequests_OnLocalhost_CaptureHostWithPort()
    {
        await TokenClient.PostAsync(Http, Authority, ClientCredentials());

        Authority.TokenRequests.Single().Host.Should().Be($"localhost:{Authority.BaseUri.Port}");
    }

    [Test]
    public async Task DeviceCode_OnVirtualHost_VerificationUriIsOnThatHost()
    {
        var (status, json) = await PostJsonAsync(
            Authority.AuthorityFor(Public, "organizations") + "/oauth2/v2.0/devicecode",
            new() { ["client_id"] = PublicId, ["scope"] = "openid api://orders/read" });

        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("verification_uri").GetString().Should().Be($"https://{Public}/devicelogin");
    }

    [Test]
    public async Task UnregisteredHost_IsRefusedBeforeAnyConnection()
    {
        var act = () => Http.GetAsync(new Uri("https://login.example.org/common/v2.0/.well-known/openid-configuration"));

        (await act.Should().ThrowAsync<HttpRequestException>()).Which.Message.Should().Contain("registered virtual hosts").And.Contain("login.example.org");
    }

    [Test]
    public async Task AddHost_AfterTheHandlerWasCreated_RoutesThroughIt()
    {
        var before = () => Http.GetAsync(new Uri("https://login.partner.microsoftonline.cn/common/v2.0/.well-known/openid-configuration"));
        await before.Should().ThrowAsync<HttpRequestException>();

        Authority.AddHost("Login.Partner.MicrosoftOnline.cn");

        var json = await GetJsonAsync("https://login.partner.microsoftonline.cn/common/v2.0/.well-known/openid-configuration");
        json.GetProperty("issuer").GetString().Should().Be("https://login.partner.microsoftonline.cn/{tenantid}/v2.0");
        json.GetProperty("cloud_instance_name").GetString().Should().Be("partner.microsoftonline.cn");
        Authority.Hosts.Should().Contain("login.partner.microsoftonline.cn");
    }

    [TestCase("https://login.microsoftonline.com")]
    [TestCase("login.microsoftonline.com:443")]
    [TestCase("login.microsoftonline.com/common")]
    [TestCase("127.0.0.1")]
    [TestCase(" ")]
    public void AddHost_NotAHostName_Throws(string host)
    {
        var act = () => Authority.AddHost(host);

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public async Task VirtualHost_TlsPresentsTheFakesCertificateWhateverTheSni()
    {
        X509CertificateCapture? seen = null;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, Authority.BaseUri.Port, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (sender, certificate, _, errors) =>
                {
                    seen = new X509CertificateCapture(((SslStream)sender).TargetHostName, certificate!.GetRawCertData(), errors);
                    return seen.RawData.AsSpan().SequenceEqual(Authority.ServerCertificate!.RawData);
                },
            },
        };
        using var http = new HttpClient(handler);

        using var response = await http.GetAsync(new Uri($"https://{B2CHost}/common/discovery/v2.0/keys"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        seen!.TargetHost.Should().Be(B2CHost, "SNI carries the virtual host name");
        seen.RawData.Should().Equal(Authority.ServerCertificate!.RawData);
        seen.Errors.Should().HaveFlag(SslPolicyErrors.RemoteCertificateNameMismatch);
    }

    [Test]
    public async Task Localhost_StillServedAsBefore()
    {
        var json = await GetJsonAsync($"{Authority.Issuer}/.well-known/openid-configuration");

        json.GetProperty("issuer").GetString().Should().Be(Authority.Issuer);
        json.GetProperty("token_endpoint").GetString().Should().Be(Authority.TokenEndpoint.ToString());
    }

    [Test]
    public async Task TokenEndpoint_WrongMethod_Returns405()
    {
        using var response = await Http.GetAsync(Authority.TokenEndpoint);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().Contain("POST");
    }

    private sealed record X509CertificateCapture(string TargetHost, byte[] RawData, SslPolicyErrors Errors);
}
