using Auth.Common.Cache;
using Auth.Common.Flows;
using Auth.Common.Protocol;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server.Applications;

namespace Auth.Server;

/// <summary>
/// What public and confidential clients share: the user flows (auth code, refresh token, silent,
/// username/password) over one code path, and the token cache. Thread-safe; keep one per client id.
/// </summary>
public abstract class ClientApplication
{
    private readonly AuthorizationUrlBuilder _urls;
    private readonly AuthorizationCodeFlow _codes;
    private readonly RefreshTokenFlow _refreshTokens;
    private readonly SilentFlow _silent;
    private readonly UsernamePasswordFlow _passwords;
    private readonly bool _requirePkce;

    private protected ClientApplication(ClientApplicationOptions options, IEnumerable<string> extraProblems, Func<ClientRuntime, IClientAuthenticator?> authenticator, bool requirePkce)
    {
        ArgumentNullException.ThrowIfNull(options);
        var authority = OptionsValidator.Validate(options, extraProblems);
        Runtime = ClientRuntimeFactory.Create(options, authority, ClientRuntimeFactory.CreateLogger(options, GetType()));
        Authenticator = authenticator(Runtime);
        Exchange = new UserTokenExchange(Runtime, Authenticator);
        _urls = new AuthorizationUrlBuilder(Runtime);
        _codes = new AuthorizationCodeFlow(Exchange);
        _refreshTokens = new RefreshTokenFlow(Exchange);
        _silent = new SilentFlow(Exchange);
        _passwords = new UsernamePasswordFlow(Exchange);
        _requirePkce = requirePkce;
    }

    private protected ClientRuntime Runtime { get; }

    private protected IClientAuthenticator? Authenticator { get; }

    private protected UserTokenExchange Exchange { get; }

    /// <summary>Builds the authorization URL of the auth-code flow (PKCE: required for public clients, recommended for confidential ones).</summary>
    /// <param name="request">The URL's parameters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The URL to send the user to.</returns>
    public Task<Uri> GetAuthCodeUrlAsync(AuthorizationUrlRequest request, CancellationToken cancellationToken = default) =>
        _urls.BuildAsync(request, _requirePkce, cancellationToken);

    /// <summary>Redeems an authorization code, checking state and nonce when given.</summary>
    /// <param name="request">The code, verifier and expected state and nonce.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tokens, now cached.</returns>
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

    /// <summary>Returns the application's token cache.</summary>
    /// <returns>The cache.</returns>
    public TokenCache GetTokenCache() => new(Runtime.Cache);
}
