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

    /// <summary>
    /// Starts a long-running on-behalf-of session: a web API that starts work which outlives the user's request
    /// (a background job) exchanges the user's token now; the job later calls
    /// <see cref="AcquireTokenInLongRunningProcessAsync"/> with the session key alone. The assertion is always
    /// exchanged and the tokens replace whatever the key held; they are cached, and persisted by the cache plugin
    /// (partition key = session key), so another instance sharing the store can continue the session.
    /// </summary>
    /// <param name="request">The user's token and the downstream scopes.</param>
    /// <param name="sessionKey">The session's key, for example a job id; null: the SHA-256 hash (base64url) of the user's token.</param>
    /// <param name="cancellationToken">Cancels the caller's wait.</param>
    /// <returns>The downstream token and the session key to keep with the job.</returns>
    /// <exception cref="Common.Errors.AuthClientException">The request is invalid or the authority could not be reached.</exception>
    /// <exception cref="Common.Errors.AuthServiceException">The authority refused the exchange.</exception>
    public Task<LongRunningProcessResult> InitiateLongRunningProcessInWebApiAsync(OnBehalfOfRequest request, string? sessionKey = null, CancellationToken cancellationToken = default) =>
        Client.InitiateLongRunningProcessInWebApiAsync(request, sessionKey, cancellationToken);

    /// <summary>
    /// Gets a token in a long-running process, with the session key alone: the session's cached access token while
    /// it is fresh, else its refresh token is redeemed and the new tokens are kept under the same key.
    /// </summary>
    /// <param name="request">The session key and the downstream scopes.</param>
    /// <param name="cancellationToken">Cancels the caller's wait.</param>
    /// <returns>The downstream token.</returns>
    /// <exception cref="Common.Errors.AuthClientException">
    /// Code <see cref="Common.Errors.AuthErrorCodes.LongRunningSessionNotFound"/>: the session was never initiated with this key, or was stopped.
    /// </exception>
    /// <exception cref="Common.Errors.InteractionRequiredException">The authority no longer accepts the session's refresh token.</exception>
    public Task<AuthenticationResult> AcquireTokenInLongRunningProcessAsync(LongRunningProcessRequest request, CancellationToken cancellationToken = default) =>
        Client.AcquireTokenInLongRunningProcessAsync(request, cancellationToken);

    /// <summary>Ends a long-running on-behalf-of session: removes its tokens from the cache (and the cache plugin's store).</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the session had tokens to remove.</returns>
    public Task<bool> StopLongRunningProcessInWebApiAsync(string sessionKey, CancellationToken cancellationToken = default) =>
        Client.StopLongRunningProcessInWebApiAsync(sessionKey, cancellationToken);

    private static ConfidentialClientOptions Checked(ConfidentialClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TokenClientOptionsFactory.ThrowIfCredentialMissing(options);
        return options;
    }
}
