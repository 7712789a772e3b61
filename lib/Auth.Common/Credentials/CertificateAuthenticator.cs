using System.Security.Cryptography.X509Certificates;
using Auth.Common.Platform;

namespace Auth.Common.Credentials;

/// <summary>Signs a fresh client assertion with a certificate for every request (<c>private_key_jwt</c>), through <see cref="ICryptoProvider"/>.</summary>
public sealed class CertificateAuthenticator : IClientAuthenticator
{
    private readonly X509Certificate2 _certificate;
    private readonly bool _sendX5c;
    private readonly JwtSigningAlgorithm? _algorithm;
    private readonly ICryptoProvider _crypto;
    private readonly TimeProvider _time;

    /// <summary>Creates the authenticator.</summary>
    /// <param name="certificate">The certificate, with its private key.</param>
    /// <param name="sendX5c">Whether to send the certificate in the <c>x5c</c> header (Entra ID subject name/issuer authentication).</param>
    /// <param name="algorithm">The signing algorithm; by default what the authority advertises, else PS256 for Entra ID and RS256 for other providers.</param>
    /// <param name="crypto">Signs the assertion.</param>
    /// <param name="time">The clock for the assertion's times.</param>
    public CertificateAuthenticator(X509Certificate2 certificate, bool sendX5c, JwtSigningAlgorithm? algorithm, ICryptoProvider crypto, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(crypto);
        ArgumentNullException.ThrowIfNull(time);
        _certificate = certificate;
        _sendX5c = sendX5c;
        _algorithm = algorithm;
        _crypto = crypto;
        _time = time;
    }

    /// <inheritdoc/>
    public ValueTask<ClientAuthentication> AuthenticateAsync(ClientAuthenticationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var algorithm = ClientAssertionBuilder.ChooseAlgorithm(_algorithm, context);
        return ValueTask.FromResult(ClientAuthentication.Assertion(ClientAssertionBuilder.Build(context, _certificate, _sendX5c, algorithm, _crypto, _time)));
    }

    /// <summary>Names the certificate by thumbprint.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => $"certificate {_certificate.Thumbprint}";
}
