namespace Auth.Common.Credentials;

/// <summary>
/// Proves a confidential client's identity to the token endpoint. An extension point: the library
/// ships a secret, a client-assertion callback and a certificate (<see cref="ClientSecretAuthenticator"/>,
/// <see cref="ClientAssertionAuthenticator"/>, <see cref="CertificateAuthenticator"/>); a host can add
/// its own (for example a key in a hardware module). Called once per token request.
/// </summary>
public interface IClientAuthenticator
{
    /// <summary>Returns what authenticates the request described by <paramref name="context"/>.</summary>
    /// <param name="context">The token request being authenticated.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The form fields and/or Authorization header to send.</returns>
    ValueTask<ClientAuthentication> AuthenticateAsync(ClientAuthenticationContext context, CancellationToken cancellationToken);
}
