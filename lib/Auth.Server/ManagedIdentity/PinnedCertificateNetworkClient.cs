using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Auth.Common.Errors;
using Auth.Common.Platform;
using Auth.Server.Network;

namespace Auth.Server;

/// <summary>
/// HTTPS to Service Fabric's identity endpoint, which serves a certificate the machine does not trust: the server is
/// accepted when, and only when, its certificate's thumbprint (SHA-1, as <c>IDENTITY_SERVER_THUMBPRINT</c> gives it, or
/// SHA-256) is the expected one. A refused certificate is <see cref="AuthErrorCodes.ManagedIdentityCertificateMismatch"/>.
/// </summary>
internal sealed class PinnedCertificateNetworkClient : INetworkClient
{
    private readonly INetworkClient _inner;

    private PinnedCertificateNetworkClient(INetworkClient inner) => _inner = inner;

    public static INetworkClient Create(string thumbprint)
    {
        var expected = thumbprint.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && Matches(certificate, expected);
        return new PinnedCertificateNetworkClient(new HttpClientNetworkClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }));
    }

    public async Task<NetworkResponse> SendAsync(NetworkRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _inner.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AuthClientException ex) when (ex.Code == AuthErrorCodes.NetworkError && IsTlsRefusal(ex))
        {
            throw new AuthClientException(
                AuthErrorCodes.ManagedIdentityCertificateMismatch,
                $"Service Fabric's identity endpoint ({request.Uri.GetLeftPart(UriPartial.Authority)}) presented a certificate whose thumbprint is not IDENTITY_SERVER_THUMBPRINT; nothing was sent over the connection. Check the cluster's managed identity configuration.",
                ex)
            {
                CorrelationId = request.CorrelationId,
            };
        }
    }

    private static bool Matches(X509Certificate certificate, string expected) =>
        string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA1), expected, StringComparison.OrdinalIgnoreCase)
        || string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), expected, StringComparison.OrdinalIgnoreCase);

    private static bool IsTlsRefusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }
}
