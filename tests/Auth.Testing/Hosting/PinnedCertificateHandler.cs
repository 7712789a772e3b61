using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Auth.Testing.Hosting;

/// <summary>Creates HTTP handlers that trust exactly one server certificate (compared byte for byte) and nothing else.</summary>
internal static class PinnedCertificateHandler
{
    /// <param name="pinned">The only acceptable server certificate, or <see langword="null"/> for plain HTTP.</param>
    public static SocketsHttpHandler Create(X509Certificate2? pinned)
    {
        var handler = new SocketsHttpHandler { UseProxy = false };
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
}
