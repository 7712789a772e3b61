using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Grants.AuthorizationCode;
using Auth.Common.Grants.ClientCredentials;
using Auth.Common.Grants.DeviceCode;
using Auth.Common.Grants.Interactive;
using Auth.Common.Grants.OnBehalfOf;
using Auth.Common.Grants.RefreshToken;
using Auth.Common.Grants.Silent;
using Auth.Common.Grants.UsernamePassword;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Pipeline;
using Auth.Common.Requests;
using Auth.Common.Resilience;
using Auth.Common.Responses;
using Auth.Common.Runtime;
using Auth.Common.Telemetry;
using Auth.Common.Threading;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth.Common.Clients;

/// <summary>
/// A complete OAuth 2.0 / OpenID Connect client built from Auth.Common alone: every grant, the token
/// cache and the one request pipeline, over the seams in <see cref="TokenClientOptions"/>. Auth.Server's
/// applications are this client with the .NET adapters plugged in; a host without Auth.Server builds
/// one directly. Thread-safe; keep one per client id (it owns the in-memory token cache).
/// </summary>
public sealed class TokenClient
{
    private readonly ClientRuntime _runtime;
    private readonly AuthorizationUrlBuilder _urls;
    private readonly AuthorizationCodeFlow _codes;
    private readonly RefreshTokenFlow _refreshTokens;
    private readonly SilentFlow _silent;
    private readonly UsernamePasswordFlow _passwords;
    private readonly ClientCredentialFlow _clientCredentials;
    private readonly OnBehalfOfFlow _onBehalfOf;
    private readonly LongRunningProcessFlow _longRunning;
    private readonly DeviceCodeFlow _deviceCodes;
    private readonly InteractiveFlow? _interactive;

    /// <summary>Creates the client.</summary>
    /// <param name="options">The registration, authority and seams.</param>
    /// <exception cref="AuthClientException">The options are invalid; the message lists every problem.</exception>
    public TokenClient(TokenClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var authority = TokenClientValidation.Validate(options);
        _runtime = Compose(options, authority);
        var exchange = new UserTokenExchange(_runtime);
        _urls = new AuthorizationUrlBuilder(_runtime);
        _codes = new AuthorizationCodeFlow(exchange);
        _refreshTokens = new RefreshTokenFlow(exchange);
        _silent = new SilentFlow(exchange);
        _passwords = new UsernamePasswordFlow(exchange);
        _clientCredentials = new ClientCredentialFlow(_runtime);
        var oboExchanges = new SerializedFlight<AuthenticationResult>();
        _onBehalfOf = new OnBehalfOfFlow(exchange, oboExchanges);
        _longRunning = new LongRunningProcessFlow(exchange, oboExchanges);
        _deviceCodes = new DeviceCodeFlow(exchange);
        _interactive = options.LoopbackListener is { } listener ? new InteractiveFlow(exchange, listener, options.BrowserLauncher) : null;
    }

    /// <summary>Gets whether the client authenticates itself (has a <see cref="TokenClientOptions.ClientAuthenticator"/>).</summary>
    public bool IsConfidential => _runtime.Sender.IsConfidential;

    /// <summary>Returns every problem with <paramref name="options"/>, for start-up validation; empty when they are valid.</summary>
    /// <param name="options">The options to check.</param>
    /// <returns>The problems' messages.</returns>
    public static IReadOnlyList<string> Validate(TokenClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TokenClientValidation.Check(options).Problems.Select(p => p.Message).ToList();
    }

    /// <summary>
    /// Builds the authorization URL of the auth-code flow, with state, nonce and a PKCE S256 challenge for every
    /// client; values the request does not bring are generated.
    /// </summary>
    /// <param name="request">The URL's parameters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The URL to send the user to, and the state, nonce and PKCE verifier to keep for <see cref="AcquireTokenByCodeAsync"/>.</returns>
    public Task<AuthorizationUrl> GetAuthCodeUrlAsync(AuthorizationUrlRequest request, CancellationToken cancellationToken = default) =>
        _urls.BuildAsync(request, cancellationToken);

    /// <summary>
    /// Redeems an authorization code after checking the redirect: the returned state must be the state sent, the
    /// code must be bound by a PKCE verifier (public clients) or by a verifier or nonce (confidential clients), and
    /// when the authority advertises RFC 9207 the returned issuer must be its issuer. The ID token's nonce is checked.
    /// </summary>
    /// <param name="request">The code, the redirect's state and issuer, and the state, nonce and verifier kept from <see cref="GetAuthCodeUrlAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tokens, now cached.</returns>
    /// <exception cref="AuthClientException">
    /// A check failed (<see cref="AuthErrorCodes.StateMissing"/>, <see cref="AuthErrorCodes.StateMismatch"/>,
    /// <see cref="AuthErrorCodes.PkceMissing"/>, <see cref="AuthErrorCodes.AuthorizationResponseIssuerMissing"/>,
    /// <see cref="AuthErrorCodes.AuthorizationResponseIssuerMismatch"/>, <see cref="AuthErrorCodes.NonceMismatch"/>);
    /// the code was not redeemed, or its tokens were not cached.
    /// </exception>
    public Task<AuthenticationResult> AcquireTokenByCodeAsync(AuthorizationCodeRequest request, CancellationToken cancellationToken = default) =>
        AcquisitionTelemetry.Run(AuthFlow.AuthorizationCode, _codes, request, static (flow, r, ct) => flow.AcquireAsync(r, ct), cancellationToken);

    /// <summary>Redeems a refresh token obtained elsewhere (migration); the result is cached.</summary>
    /// <param name="request">The refresh token and scopes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenByRefreshTokenAsync(RefreshTokenRequest request, CancellationToken cancellationToken = default) =>
        AcquisitionTelemetry.Run(AuthFlow.RefreshToken, _refreshTokens, request, static (flow, r, ct) => flow.AcquireAsync(r, ct), cancellationToken);

    /// <summary>Gets a token for a signed-in account from the cache, or with its refresh token.</summary>
    /// <param name="request">The account and scopes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The token.</returns>
    /// <exception cref="InteractionRequiredException">The user must sign in again.</exception>
    public Task<AuthenticationResult> AcquireTokenSilentAsync(SilentFlowRequest request, CancellationToken cancellationToken = default) =>
        AcquisitionTelemetry.Run(AuthFlow.Silent, _silent, request, static (flow, r, ct) => flow.AcquireAsync(r, ct), cancellationToken);

    /// <summary>Signs in with a user name and password (discouraged; no MFA).</summary>
    /// <param name="request">The credentials and scopes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenByUsernamePasswordAsync(UsernamePasswordRequest request, CancellationToken cancellationToken = default) =>
        AcquisitionTelemetry.Run(AuthFlow.UsernamePassword, _passwords, request, static (flow, r, ct) => flow.AcquireAsync(r, ct), cancellationToken);

    /// <summary>Gets an app-only token with the client-credentials grant (confidential clients).</summary>
    /// <param name="request">The scopes and options of the request.</param>
    /// <param name="cancellationToken">Cancels the caller's wait.</param>
    /// <returns>The token.</returns>
    public Task<AuthenticationResult> AcquireTokenByClientCredentialAsync(ClientCredentialRequest request, CancellationToken cancellationToken = default) =>
        AcquisitionTelemetry.Run(
            AuthFlow.ClientCredentials,
            this,
            request,
            static (client, r, ct) => client.IsConfidential ? client._clientCredentials.AcquireAsync(r, ct) : Task.FromException<AuthenticationResult>(NeedsCredential("client-credentials")),
            cancellationToken);

    /// <summary>Gets a token for a downstream API on behalf of the user whose token this web API received (confidential clients).</summary>
    /// <param name="request">The incoming token and the downstream scopes.</param>
    /// <param name="cancellationToken">Cancels the caller's wait.</param>
    /// <returns>The downstream token.</returns>
    public Task<AuthenticationResult> AcquireTokenOnBehalfOfAsync(OnBehalfOfRequest request, CancellationToken cancellationToken = default) =>
        AcquisitionTelemetry.Run(
            AuthFlow.OnBehalfOf,
            this,
            request,
            static (client, r, ct) => client.IsConfidential ? client._onBehalfOf.AcquireAsync(r, ct) : Task.FromException<AuthenticationResult>(NeedsCredential("on-behalf-of")),
            cancellationToken);

    /// <summary>
    /// Starts a long-running on-behalf-of session (confidential clients): a web API that starts work which outlives
    /// the user's request exchanges the user's token now, and the work later gets tokens with the session key alone
    /// (<see cref="AcquireTokenInLongRunningProcessAsync"/>). The assertion is always exchanged (the cache is not
    /// consulted) and the tokens replace whatever the key held; they are cached, and persisted by a cache plugin,
    /// under the session key.
    /// </summary>
    /// <param name="request">The user's token and the downstream scopes; <see cref="AuthRequest.Claims"/> is sent with the exchange.</param>
    /// <param name="sessionKey">The session's key, for example a job id; null: the SHA-256 hash (base64url) of the user's token.</param>
    /// <param name="cancellationToken">Cancels the caller's wait.</param>
    /// <returns>The downstream token and the session key.</returns>
    /// <exception cref="AuthClientException">The request is invalid (empty assertion, whitespace session key) or the authority could not be reached.</exception>
    /// <exception cref="AuthServiceException">The authority refused the exchange.</exception>
    public Task<LongRunningProcessResult> InitiateLongRunningProcessInWebApiAsync(OnBehalfOfRequest request, string? sessionKey = null, CancellationToken cancellationToken = default) =>
        AcquisitionTelemetry.Run(
            AuthFlow.LongRunningOboInitiate,
            this,
            (Request: request, SessionKey: sessionKey),
            static (client, r, ct) => client.IsConfidential ? client._onBehalfOf.InitiateAsync(r.Request, r.SessionKey, ct) : Task.FromException<LongRunningProcessResult>(NeedsCredential("on-behalf-of")),
            cancellationToken);

    /// <summary>
    /// Gets a token in a long-running process started with <see cref="InitiateLongRunningProcessInWebApiAsync"/>
    /// (confidential clients), without the user's token: the session's cached access token while it is fresh
    /// (never with <see cref="LongRunningProcessRequest.ForceRefresh"/> or claims), else the session's refresh token
    /// is redeemed and the new tokens are kept under the same key.
    /// </summary>
    /// <param name="request">The session key and the downstream scopes.</param>
    /// <param name="cancellationToken">Cancels the caller's wait.</param>
    /// <returns>The downstream token.</returns>
    /// <exception cref="AuthClientException">
    /// Code <see cref="AuthErrorCodes.LongRunningSessionNotFound"/>: the cache holds no tokens for the session (never
    /// initiated with this key, or stopped); start it again with a fresh user token.
    /// </exception>
    /// <exception cref="InteractionRequiredException">The authority no longer accepts the session's refresh token; the user must sign in again.</exception>
    public Task<AuthenticationResult> AcquireTokenInLongRunningProcessAsync(LongRunningProcessRequest request, CancellationToken cancellationToken = default) =>
        AcquisitionTelemetry.Run(
            AuthFlow.LongRunningObo,
            this,
            request,
            static (client, r, ct) => client.IsConfidential ? client._longRunning.AcquireAsync(r, ct) : Task.FromException<AuthenticationResult>(NeedsCredential("on-behalf-of")),
            cancellationToken);

    /// <summary>
    /// Ends a long-running on-behalf-of session: removes its access and refresh tokens from the cache (and, with a
    /// cache plugin, saves the emptied partition). Later calls with the key fail with
    /// <see cref="AuthErrorCodes.LongRunningSessionNotFound"/>.
    /// </summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the session had tokens to remove.</returns>
    /// <exception cref="AuthClientException">The session key is empty, or the cache plugin failed.</exception>
    public async Task<bool> StopLongRunningProcessInWebApiAsync(string sessionKey, CancellationToken cancellationToken = default) =>
        await _longRunning.StopAsync(sessionKey, cancellationToken).ConfigureAwait(false);

    /// <summary>Signs the user in through a browser and a loopback redirect (RFC 8252); needs a <see cref="TokenClientOptions.LoopbackListener"/>.</summary>
    /// <param name="request">The scopes and options of the sign-in.</param>
    /// <param name="cancellationToken">Cancels the sign-in; the listener stops and frees its port.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenInteractiveAsync(InteractiveRequest request, CancellationToken cancellationToken = default) =>
        AcquisitionTelemetry.Run(
            AuthFlow.Interactive,
            _interactive,
            request,
            static (flow, r, ct) => flow?.AcquireAsync(r, ct) ?? Task.FromException<AuthenticationResult>(new AuthClientException(
                AuthErrorCodes.InvalidConfiguration, "Interactive sign-in needs a loopback listener: set TokenClientOptions.LoopbackListener, or use the device-code flow.")),
            cancellationToken);

    /// <summary>Signs the user in on another device with a device code (RFC 8628).</summary>
    /// <param name="request">The scopes and the callback that shows the code.</param>
    /// <param name="cancellationToken">Stops polling.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenByDeviceCodeAsync(DeviceCodeRequest request, CancellationToken cancellationToken = default) =>
        AcquisitionTelemetry.Run(AuthFlow.DeviceCode, _deviceCodes, request, static (flow, r, ct) => flow.AcquireAsync(r, ct), cancellationToken);

    /// <summary>Returns the client's token cache.</summary>
    /// <returns>The cache.</returns>
    public TokenCache GetTokenCache() => new(_runtime.Cache);

    private static AuthClientException NeedsCredential(string grant) =>
        new(AuthErrorCodes.InvalidConfiguration, $"The {grant} grant needs a client credential: set TokenClientOptions.ClientAuthenticator.");

    private static ClientRuntime Compose(TokenClientOptions options, AuthorityInfo authority)
    {
        var time = options.TimeProvider ?? TimeProvider.System;
        var logger = options.Logger ?? NullLogger.Instance;
        var network = options.NetworkClient!;
        var retry = new RetryPolicy(options.RetryOnServerError, options.RetryDelay, time);
        var headers = new ClientHeaders(options.ClientSku, options.ClientVersion, options.ClientOs);
        var metadata = new AuthorityMetadataResolver(network, time, logger, options.AllowInsecureLoopbackAuthority, headers.For, retry);
        if (!string.IsNullOrWhiteSpace(options.AuthorityMetadataJson))
        {
            metadata.Seed(authority, options.AuthorityMetadataJson);
        }

        var instances = new InstanceDiscovery(network, headers.For, options.EnableInstanceDiscovery, retry);
        if (!string.IsNullOrWhiteSpace(options.CloudDiscoveryMetadataJson))
        {
            instances.Seed(options.CloudDiscoveryMetadataJson);
        }

        var capabilities = options.ClientCapabilities.ToArray();
        return new ClientRuntime
        {
            ClientId = options.ClientId,
            Authority = authority,
            AllowInsecureLoopbackAuthority = options.AllowInsecureLoopbackAuthority,
            Crypto = options.CryptoProvider!,
            Time = time,
            Logger = logger,
            EnablePiiLogging = options.EnablePiiLogging,
            ClockSkew = options.ClockSkew,
            Metadata = metadata,
            Cache = new CacheAccessor(new TokenCacheStore(options.MaxAccessTokens), options.CachePlugin, options.ClientId, logger, options.EnablePiiLogging, time),
            Sender = new TokenRequestSender(options.ClientId, network, metadata, headers, options.ClientAuthenticator, capabilities, retry, time, logger),
            Headers = headers,
            AuthorityValidator = new AuthorityValidator(instances, new AuthorityTrust(authority, [.. options.KnownAuthorities])),
            DetectedRegion = options.EnvironmentRegion,
            ClientCapabilities = capabilities,
        };
    }
}
