using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server.Applications;

namespace Auth.Server;

/// <summary>
/// An application that can keep a secret: a daemon, web app or web API. Create one per client id
/// and keep it for the life of the process (it owns the in-memory token cache). Thread-safe.
/// </summary>
public sealed class ConfidentialClientApplication : ClientApplication
{
    /// <summary>Creates the application.</summary>
    /// <param name="options">The options; a client credential (<see cref="ConfidentialClientOptions.ClientCredential"/> or <see cref="ConfidentialClientOptions.ClientSecret"/>) is required.</param>
    /// <exception cref="Common.Errors.AuthClientException">The options are invalid; the message lists every problem.</exception>
    public ConfidentialClientApplication(ConfidentialClientOptions options)
        : base(Checked(options))
    {
    }

    /// <summary>
    /// Gets an app-only token with the client-credentials grant: from the cache when a valid
    /// one is there, otherwise from the authority (concurrent callers share one request).
    /// </summary>
    /// <param name="request">The scopes and options of the request.</param>
    /// <param name="cancellationToken">Cancels the caller's wait.</param>
    /// <returns>The token.</returns>
    /// <exception cref="Common.Errors.AuthClientException">The request is invalid or the authority could not be reached.</exception>
    /// <exception cref="Common.Errors.AuthServiceException">The authority refused the request.</exception>
    public Task<AuthenticationResult> AcquireTokenByClientCredentialAsync(ClientCredentialRequest request, CancellationToken cancellationToken = default) =>
        Client.AcquireTokenByClientCredentialAsync(request, cancellationToken);

    /// <summary>
    /// Gets a token for a downstream API on behalf of the user whose token this web API received.
    /// Cached per incoming assertion; concurrent calls with the same assertion share one request.
    /// </summary>
    /// <param name="request">The incoming token and the downstream scopes.</param>
    /// <param name="cancellationToken">Cancels the caller's wait.</param>
    /// <returns>The downstream token.</returns>
    public Task<AuthenticationResult> AcquireTokenOnBehalfOfAsync(OnBehalfOfRequest request, CancellationToken cancellationToken = default) =>
        Client.AcquireTokenOnBehalfOfAsync(request, cancellationToken);

    private static ConfidentialClientOptions Checked(ConfidentialClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TokenClientOptionsFactory.ThrowIfCredentialMissing(options);
        return options;
    }
}
