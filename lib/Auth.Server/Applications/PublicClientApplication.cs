using Auth.Common.Cache;
using Auth.Common.Flows;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server.Applications;
using Auth.Server.Interactive;

namespace Auth.Server;

/// <summary>
/// An application that cannot keep a secret: desktop, command-line and device apps. Create one per
/// client id and keep it (it owns the in-memory token cache). Thread-safe.
/// </summary>
public sealed class PublicClientApplication
{
    private readonly ClientRuntime _runtime;
    private readonly AuthorizationUrlBuilder _urls;
    private readonly AuthorizationCodeFlow _codes;
    private readonly InteractiveFlow _interactive;
    private readonly DeviceCodeFlow _deviceCodes;
    private readonly RefreshTokenFlow _refreshTokens;
    private readonly SilentFlow _silent;
    private readonly UsernamePasswordFlow _passwords;

    /// <summary>Creates the application.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="Common.Errors.AuthClientException">The options are invalid; the message lists every problem.</exception>
    public PublicClientApplication(PublicClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var authority = OptionsValidator.Validate(options, []);
        _runtime = ClientRuntimeFactory.Create(options, authority, ClientRuntimeFactory.CreateLogger<PublicClientApplication>(options));
        var exchange = new UserTokenExchange(_runtime, authenticator: null);
        _urls = new AuthorizationUrlBuilder(_runtime);
        _codes = new AuthorizationCodeFlow(exchange);
        _interactive = new InteractiveFlow(exchange, options.LoopbackListener ?? new LoopbackListener(), options.BrowserLauncher ?? new SystemBrowserLauncher());
        _deviceCodes = new DeviceCodeFlow(exchange);
        _refreshTokens = new RefreshTokenFlow(exchange);
        _silent = new SilentFlow(exchange);
        _passwords = new UsernamePasswordFlow(exchange);
    }

    /// <summary>Builds the authorization URL of the auth-code flow (PKCE required).</summary>
    /// <param name="request">The URL's parameters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The URL to open in the browser.</returns>
    public Task<Uri> GetAuthCodeUrlAsync(AuthorizationUrlRequest request, CancellationToken cancellationToken = default) =>
        _urls.BuildAsync(request, requirePkce: true, cancellationToken);

    /// <summary>Redeems an authorization code, checking state and nonce when given.</summary>
    /// <param name="request">The code, verifier and expected state and nonce.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenByCodeAsync(AuthorizationCodeRequest request, CancellationToken cancellationToken = default) =>
        _codes.AcquireAsync(request, cancellationToken);

    /// <summary>Signs the user in through the system browser and a loopback redirect (RFC 8252).</summary>
    /// <param name="request">The scopes and options of the sign-in.</param>
    /// <param name="cancellationToken">Cancels the sign-in; the listener stops and frees its port.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenInteractiveAsync(InteractiveRequest request, CancellationToken cancellationToken = default) =>
        _interactive.AcquireAsync(request, cancellationToken);

    /// <summary>Signs the user in on another device with a device code (RFC 8628).</summary>
    /// <param name="request">The scopes and the callback that shows the code.</param>
    /// <param name="cancellationToken">Stops polling.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenByDeviceCodeAsync(DeviceCodeRequest request, CancellationToken cancellationToken = default) =>
        _deviceCodes.AcquireAsync(request, cancellationToken);

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

    /// <summary>Returns the application's token cache.</summary>
    /// <returns>The cache.</returns>
    public TokenCache GetTokenCache() => new(_runtime.Cache);
}
