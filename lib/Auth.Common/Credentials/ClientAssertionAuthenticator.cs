using Auth.Common.Errors;

namespace Auth.Common.Credentials;

/// <summary>Authenticates with a client assertion (a signed JWT) that the app's callback supplies for each request.</summary>
public sealed class ClientAssertionAuthenticator : IClientAuthenticator
{
    private readonly Func<ClientAuthenticationContext, CancellationToken, Task<string>> _provider;

    /// <summary>Creates the authenticator.</summary>
    /// <param name="provider">Returns a signed JWT for the given request (for example a workload identity token).</param>
    public ClientAssertionAuthenticator(Func<ClientAuthenticationContext, CancellationToken, Task<string>> provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = provider;
    }

    /// <inheritdoc/>
    public async ValueTask<ClientAuthentication> AuthenticateAsync(ClientAuthenticationContext context, CancellationToken cancellationToken)
    {
        string? assertion;
        try
        {
            assertion = await _provider(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not AuthException)
        {
            throw new AuthClientException(AuthErrorCodes.ClientAssertionFailed, "The client assertion callback threw; see the inner exception.", ex);
        }

        if (string.IsNullOrWhiteSpace(assertion))
        {
            throw new AuthClientException(AuthErrorCodes.ClientAssertionFailed, "The client assertion callback returned no assertion. Return a signed JWT.");
        }

        return ClientAuthentication.Assertion(assertion);
    }

    /// <summary>Names the credential.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => "client assertion";
}
