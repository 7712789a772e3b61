using System.Security.Cryptography.X509Certificates;
using Auth.Common.Credentials;
using Auth.Common.Platform;
using Auth.Common.Requests;

namespace Auth.Server;

/// <summary>
/// How a confidential client proves its identity to the token endpoint: a secret, a certificate
/// (a signed client assertion, <c>private_key_jwt</c>), or an assertion from elsewhere (for
/// example a workload identity token). <see cref="ToString"/> never prints the secret.
/// </summary>
public sealed class ClientCredential
{
    private readonly Func<ICryptoProvider, TimeProvider, IClientAuthenticator> _create;
    private readonly string _description;

    private ClientCredential(string description, Func<ICryptoProvider, TimeProvider, IClientAuthenticator> create)
    {
        _description = description;
        _create = create;
    }

    /// <summary>A client secret (<c>client_secret_post</c> or <c>client_secret_basic</c>).</summary>
    /// <param name="secret">The secret.</param>
    /// <param name="transport">How the secret is sent; <see cref="ClientSecretTransport.Automatic"/> follows the authority.</param>
    /// <returns>The credential.</returns>
    public static ClientCredential FromSecret(string secret, ClientSecretTransport transport = ClientSecretTransport.Automatic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return new ClientCredential("client secret", (_, _) => new ClientSecretAuthenticator(secret, transport));
    }

    /// <summary>A certificate with an RSA private key: each request carries a fresh assertion signed with it.</summary>
    /// <param name="certificate">The certificate, with its private key.</param>
    /// <param name="sendX5c">Whether to send the certificate in the <c>x5c</c> header (Entra ID subject name/issuer authentication).</param>
    /// <param name="algorithm">The signing algorithm; by default what the authority advertises, else PS256 for Entra ID and RS256 for other providers.</param>
    /// <returns>The credential.</returns>
    public static ClientCredential FromCertificate(X509Certificate2 certificate, bool sendX5c = false, JwtSigningAlgorithm? algorithm = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new ClientCredential(
            $"certificate {certificate.Thumbprint}",
            (crypto, time) => new CertificateAuthenticator(certificate, sendX5c, algorithm, crypto, time));
    }

    /// <summary>A client assertion obtained elsewhere, sent as is.</summary>
    /// <param name="assertion">The signed JWT.</param>
    /// <returns>The credential.</returns>
    public static ClientCredential FromAssertion(string assertion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assertion);
        return FromAssertion((_, _) => Task.FromResult(assertion));
    }

    /// <summary>A callback that returns a client assertion for each token request.</summary>
    /// <param name="provider">Returns a signed JWT for the given context.</param>
    /// <returns>The credential.</returns>
    public static ClientCredential FromAssertion(Func<ClientAssertionContext, CancellationToken, Task<string>> provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new ClientCredential(
            "client assertion",
            (_, _) => new ClientAssertionAuthenticator((context, cancellationToken) => provider(
                new ClientAssertionContext { ClientId = context.ClientId, TokenEndpoint = context.TokenEndpoint, TenantId = context.TenantId, Claims = context.Claims },
                cancellationToken)));
    }

    /// <summary>
    /// A federated identity credential with no secret: the client assertion is a token of the managed identity
    /// <paramref name="managedIdentity"/> for <paramref name="audience"/>, cached and renewed by it. The app registration
    /// trusts that identity (issuer and subject) for the audience.
    /// </summary>
    /// <param name="managedIdentity">The managed identity whose tokens are the assertions.</param>
    /// <param name="audience">The audience the app registration's federated credential names: <c>api://AzureADTokenExchange</c> in the public cloud (US Government, China: <c>api://AzureADTokenExchangeUSGov</c>, <c>api://AzureADTokenExchangeChina</c>).</param>
    /// <returns>The credential.</returns>
    public static ClientCredential FromManagedIdentity(ManagedIdentityApplication managedIdentity, string audience = "api://AzureADTokenExchange")
    {
        ArgumentNullException.ThrowIfNull(managedIdentity);
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        var request = new ManagedIdentityRequest { Resource = audience };
        return new ClientCredential(
            $"managed identity {managedIdentity.Identity} for {audience}",
            (_, _) => new ClientAssertionAuthenticator(async (_, cancellationToken) =>
                (await managedIdentity.AcquireTokenForManagedIdentityAsync(request, cancellationToken).ConfigureAwait(false)).AccessToken));
    }

    /// <summary>Names the kind of credential, never its secret.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => _description;

    internal IClientAuthenticator CreateAuthenticator(ICryptoProvider crypto, TimeProvider time) => _create(crypto, time);
}
