using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Auth.Common.Errors;
using Auth.Common.Platform;
using Auth.Server;

namespace Auth.Server.Tests.ManagedIdentity;

/// <summary>Service Fabric's pinned HTTPS against a real TLS server on loopback with a self-signed certificate.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class PinnedCertificateNetworkClientTests : IDisposable
{
    private readonly X509Certificate2 _certificate = SelfSigned();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private int _requestsRead;

    public PinnedCertificateNetworkClientTests() => _listener.Start();

    public void Dispose()
    {
        _listener.Stop();
        _certificate.Dispose();
    }

    private Uri Endpoint => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/metadata/identity/oauth2/token?api-version=2020-05-01");

    [TestCase("sha1")]
    [TestCase("sha256")]
    [TestCase("sha1-lower")]
    public async Task MatchingThumbprint_IsTalkedTo_ThoughNoStoreTrustsIt(string form)
    {
        var serve = ServeOnceAsync();
        var thumbprint = form switch
        {
            "sha256" => _certificate.GetCertHashString(HashAlgorithmName.SHA256),
            "sha1-lower" => _certificate.Thumbprint.ToLowerInvariant(),
            _ => _certificate.Thumbprint,
        };

        var response = await new ManagedIdentityPlatform().CreateServiceFabricNetworkClient(thumbprint)
            .SendAsync(new NetworkRequest { Uri = Endpoint, Headers = new Dictionary<string, string> { ["secret"] = "s" } });

        response.StatusCode.Should().Be(200);
        await serve;
        _requestsRead.Should().Be(1);
    }

    [Test]
    public async Task OtherThumbprint_IsRefused_BeforeAnythingIsSent()
    {
        var serve = ServeOnceAsync();

        var act = () => new ManagedIdentityPlatform().CreateServiceFabricNetworkClient(new string('A', 40))
            .SendAsync(new NetworkRequest { Uri = Endpoint, Headers = new Dictionary<string, string> { ["secret"] = "s" } });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.ManagedIdentityCertificateMismatch);
        await serve;
        _requestsRead.Should().Be(0, "the secret header never crossed the connection");
    }

    private async Task ServeOnceAsync()
    {
        using var client = await _listener.AcceptTcpClientAsync();
        await using var tls = new SslStream(client.GetStream());
        try
        {
            await tls.AuthenticateAsServerAsync(_certificate);
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
        {
            return;
        }

        // With TLS 1.3 the server's side of the handshake ends before the client has judged the certificate: a client
        // that refused it then closes the connection without a request.
        var buffer = new byte[8192];
        int read;
        try
        {
            read = await tls.ReadAsync(buffer);
        }
        catch (IOException)
        {
            return;
        }

        if (read == 0)
        {
            return;
        }

        if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("GET ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _requestsRead);
        }

        const string body = """{"access_token":"t","expires_on":"1900000000"}""";
        await tls.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
