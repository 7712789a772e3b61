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
    private readonly AuthorizationUrlBuilder _urls;
    private readonly AuthorizationCodeFlow _codes;
    private readonly RefreshTokenFlow _refreshTokens;
    private readonly SilentFlow _silent;
    private readonly UsernamePasswordFlow _passwords;
    private readonly OnBehalfOfFlow _onBehalfOf;

    /// <summary>Creates the application.</summary>
    /// <param name="options">The options; <see cref="ConfidentialClientOptions.ClientCredential"/> is required.</param>
    /// <exception cref="Common.Errors.AuthClientException">The options are invalid; the message lists every problem.</exception>
    public ConfidentialClientApplication(ConfidentialClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var authority = OptionsValidator.Validate(options, OptionsValidator.CredentialProblems(options));
        var logger = ClientRuntimeFactory.CreateLogger<ConfidentialClientApplication>(options);
        _runtime = ClientRuntimeFactory.Create(options, authority, logger);
        var authenticator = options.ResolveCredential()!.CreateAuthenticator(_runtime.Crypto, _runtime.Time);
        _clientCredentials = new ClientCredentialFlow(_runtime, authenticator);
        var exchange = new UserTokenExchange(_runtime, authenticator);
        _urls = new AuthorizationUrlBuilder(_runtime);
        _codes = new AuthorizationCodeFlow(exchange);
        _refreshTokens = new RefreshTokenFlow(exchange);
        _silent = new SilentFlow(exchange);
        _passwords = new UsernamePasswordFlow(exchange);
        _onBehalfOf = new OnBehalfOfFlow(exchange);
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

    /// <summary>Builds the authorization URL of the auth-code flow for a web app (PKCE recommended, not required).</summary>
    /// <param name="request">The URL's parameters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The URL to redirect the user to.</returns>
    public Task<Uri> GetAuthCodeUrlAsync(AuthorizationUrlRequest request, CancellationToken cancellationToken = default) =>
        _urls.BuildAsync(request, requirePkce: false, cancellationToken);

    /// <summary>Redeems an authorization code with the client credential, checking state and nonce when given.</summary>
    /// <param name="request">The code, optional PKCE verifier, and expected state and nonce.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The user's tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenByCodeAsync(AuthorizationCodeRequest request, CancellationToken cancellationToken = default) =>
        _codes.AcquireAsync(request, cancellationToken);

    /// <summary>Redeems a refresh token obtained elsewhere (migration); the result is cached.</summary>
    /// <param name="request">The refresh token and scopes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenByRefreshTokenAsync(RefreshTokenRequest request, CancellationToken cancellationToken = default) =>
        _refreshTokens.AcquireAsync(request, cancellationToken);

    /// <summary>Gets a token for a signed-in account from the cache, or with its refresh token.</summary>
    /// <param name="request">The account and scopes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The token.</returns>
    /// <exception cref="Common.Errors.InteractionRequiredException">The user must sign in again.</exception>
    public Task<AuthenticationResult> AcquireTokenSilentAsync(SilentFlowRequest request, CancellationToken cancellationToken = default) =>
        _silent.AcquireAsync(request, cancellationToken);

    /// <summary>Signs in with a user name and password (discouraged; no MFA).</summary>
    /// <param name="request">The credentials and scopes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenByUsernamePasswordAsync(UsernamePasswordRequest request, CancellationToken cancellationToken = default) =>
        _passwords.AcquireAsync(request, cancellationToken);

    /// <summary>
    /// Gets a token for a downstream API on behalf of the user whose token this web API received.
    /// Cached per incoming assertion; concurrent calls with the same assertion share one request.
    /// </summary>
    /// <param name="request">The incoming token and the downstream scopes.</param>
    /// <param name="cancellationToken">Cancels the caller's wait.</param>
    /// <returns>The downstream token.</returns>
    public Task<AuthenticationResult> AcquireTokenOnBehalfOfAsync(OnBehalfOfRequest request, CancellationToken cancellationToken = default) =>
        _onBehalfOf.AcquireAsync(request, cancellationToken);

    /// <summary>Returns the application's token cache.</summary>
    /// <returns>The cache.</returns>
    public TokenCache GetTokenCache() => new(_runtime.Cache);
}
