using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Auth.Testing.Hosting;

/// <summary>
/// Creates HTTP handlers for talking to the fake authority: they connect only to loopback hosts and the registered
/// virtual hosts (see <see cref="LoopbackConnector"/>; a client library that would call a real cloud endpoint fails
/// fast instead of leaving the machine), use no proxy, do not follow redirects (a test playing the browser reads the
/// authorization endpoint's <c>Location</c>), and trust exactly one server certificate (compared byte for byte) and
/// nothing else; its name may differ from the host only for registered virtual hosts.
/// </summary>
internal static class PinnedCertificateHandler
{
    /// <param name="pinned">The only acceptable server certificate, or <see langword="null"/> for plain HTTP.</param>
    /// <param name="connector">Routes connections.</param>
    public static SocketsHttpHandler Create(X509Certificate2? pinned, LoopbackConnector connector)
    {
        var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, ConnectCallback = connector.ConnectAsync };
        if (pinned is null)
        {
            return handler;
        }

        var expected = pinned.RawData;
        handler.SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (sender, certificate, _, errors) =>
                certificate is not null
                && certificate.GetRawCertData().AsSpan().SequenceEqual(expected)
                && ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
                    || (sender is SslStream stream && connector.IsVirtualHost(stream.TargetHostName))),
        };
        return handler;
    }
}
