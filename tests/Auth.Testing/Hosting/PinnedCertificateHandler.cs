using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Auth.Testing.Hosting;

/// <summary>
/// Creates HTTP handlers for talking to the fake authority: they connect only to loopback hosts (so a client
/// library that would call a real cloud endpoint fails fast instead of leaving the machine), use no proxy, do not
/// follow redirects (a test playing the browser reads the authorization endpoint's <c>Location</c>), and trust
/// exactly one server certificate (compared byte for byte) and nothing else.
/// </summary>
internal static class PinnedCertificateHandler
{
    /// <param name="pinned">The only acceptable server certificate, or <see langword="null"/> for plain HTTP.</param>
    public static SocketsHttpHandler Create(X509Certificate2? pinned)
    {
        var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, ConnectCallback = ConnectLoopbackOnlyAsync };
        if (pinned is null)
        {
            return handler;
        }

        var expected = pinned.RawData;
        handler.SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(expected),
        };
        return handler;
    }

    private static async ValueTask<Stream> ConnectLoopbackOnlyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            throw new HttpRequestException($"The fake authority's HTTP handler only connects to loopback hosts, not '{host}'.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
