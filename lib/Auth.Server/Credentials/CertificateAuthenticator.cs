using System.Security.Cryptography.X509Certificates;
using Auth.Common.Platform;
using Auth.Common.Protocol;

namespace Auth.Server.Credentials;

/// <summary>Signs a fresh client assertion with a certificate for every request (<c>private_key_jwt</c>).</summary>
internal sealed class CertificateAuthenticator : IClientAuthenticator
{
    private readonly X509Certificate2 _certificate;
    private readonly bool _sendX5c;
    private readonly JwtSigningAlgorithm? _algorithm;
    private readonly ICryptoProvider _crypto;
    private readonly TimeProvider _time;

    public CertificateAuthenticator(X509Certificate2 certificate, bool sendX5c, JwtSigningAlgorithm? algorithm, ICryptoProvider crypto, TimeProvider time)
    {
        _certificate = certificate;
        _sendX5c = sendX5c;
        _algorithm = algorithm;
        _crypto = crypto;
        _time = time;
    }

    public ValueTask AddCredentialsAsync(TokenRequestContent request, ClientAuthenticationContext context, CancellationToken cancellationToken)
    {
        var algorithm = ClientAssertionBuilder.ChooseAlgorithm(_algorithm, context);
        var assertion = ClientAssertionBuilder.Build(context, _certificate, _sendX5c, algorithm, _crypto, _time);
        AssertionAuthenticator.AddAssertion(request, assertion);
        return ValueTask.CompletedTask;
    }
}
