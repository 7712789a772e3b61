using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace Auth.Testing.Hosting;

/// <summary>Starts a quiet WireMock server on a free (or the given) loopback port (<c>localhost</c> or <c>127.0.0.1</c>), retrying on port races.</summary>
internal static class LoopbackServer
{
    private const int Attempts = 5;

    /// <param name="certificate">The TLS certificate, or <see langword="null"/> for plain HTTP.</param>
    /// <param name="baseUri">The server root, e.g. <c>https://localhost:54321/</c>.</param>
    /// <param name="host">The host the server listens on and names in <paramref name="baseUri"/>: <c>localhost</c> or <c>127.0.0.1</c>.</param>
    /// <param name="fixedPort">A port to listen on (one attempt), or <see langword="null"/> for a free one.</param>
    public static WireMockServer Start(X509Certificate2? certificate, out Uri baseUri, string host = "localhost", int? fixedPort = null)
    {
        var scheme = certificate is null ? "http" : "https";
        Exception? last = null;
        for (var attempt = 0; attempt < (fixedPort is null ? Attempts : 1); attempt++)
        {
            var port = fixedPort ?? FreeLoopbackPort();
            var url = string.Create(CultureInfo.InvariantCulture, $"{scheme}://{host}:{port}");
            try
            {
                var server = WireMockServer.Start(Settings(url, certificate));
                baseUri = new Uri(url + "/");
                return server;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                last = ex;
            }
        }

        throw new InvalidOperationException(
            fixedPort is null ? $"The fake server could not start on a loopback port after {Attempts} attempts." : $"The fake server could not start on port {fixedPort} (is it in use?).",
            last);
    }

    private static WireMockServerSettings Settings(string url, X509Certificate2? certificate) => new()
    {
        Urls = [url],
        UseSSL = certificate is not null,
        CertificateSettings = certificate is null ? null : new WireMockCertificateSettings { X509Certificate = certificate },
        Logger = new WireMockNullLogger(),
        StartAdminInterface = false,
        ReadStaticMappings = false,
        MaxRequestLogCount = 0,
        DoNotSaveDynamicResponseInLogEntry = true,
        DisableDeserializeFormUrlEncoded = true,
    };

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
