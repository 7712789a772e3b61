using Auth.Common.Cache;
using Auth.Common.Flows;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server.Applications;

namespace Auth.Server;

/// <summary>
/// An application that can keep a secret: a daemon, web app or web API. Create one per client id
/// and keep it for the life of the process (it owns the in-memory token cache). Thread-safe.
/// </summary>
public sealed class ConfidentialClientApplication
{
    private readonly ClientRuntime _runtime;
    private readonly ClientCredentialFlow _clientCredentials;

    /// <summary>Creates the application.</summary>
    /// <param name="options">The options; <see cref="ConfidentialClientOptions.ClientCredential"/> is required.</param>
    /// <exception cref="Common.Errors.AuthClientException">The options are invalid; the message lists every problem.</exception>
    public ConfidentialClientApplication(ConfidentialClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.ClientCredential is null
            ? new[] { "ClientCredential is required: use ClientCredential.FromSecret, FromCertificate or FromAssertion." }
            : [];
        var authority = OptionsValidator.Validate(options, problems);
        var logger = ClientRuntimeFactory.CreateLogger<ConfidentialClientApplication>(options);
        _runtime = ClientRuntimeFactory.Create(options, authority, logger);
        var authenticator = options.ClientCredential!.CreateAuthenticator(_runtime.Crypto, _runtime.Time);
        _clientCredentials = new ClientCredentialFlow(_runtime, authenticator);
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
        _clientCredentials.AcquireAsync(request, cancellationToken);

    /// <summary>Returns the application's token cache.</summary>
    /// <returns>The cache.</returns>
    public TokenCache GetTokenCache() => new(_runtime.Cache);
}
