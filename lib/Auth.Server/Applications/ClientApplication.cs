using Auth.Common.Cache;
using Auth.Common.Clients;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server.Applications;

namespace Auth.Server;

/// <summary>
/// What public and confidential clients share: the user flows (auth code, refresh token, silent,
/// username/password) and the token cache. Each application is Auth.Common's <see cref="TokenClient"/>
/// with this package's adapters (HttpClient, crypto, loopback listener, system browser). Thread-safe;
/// keep one per client id.
/// </summary>
public abstract class ClientApplication
{
    private protected ClientApplication(ClientApplicationOptions options, Action<TokenClientOptions>? adapt = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = TokenClientOptionsFactory.Create(options, GetType());
        adapt?.Invoke(clientOptions);
        Client = new TokenClient(clientOptions);
    }

    private protected TokenClient Client { get; }

    /// <summary>
    /// Builds the authorization URL of the auth-code flow, with state, nonce and a PKCE S256 challenge for public and
    /// confidential clients alike (RFC 9700); values the request does not bring are generated.
    /// </summary>
    /// <param name="request">The URL's parameters.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The URL to send the user to, and the state, nonce and PKCE verifier to keep for <see cref="AcquireTokenByCodeAsync"/>.</returns>
    public Task<AuthorizationUrl> GetAuthCodeUrlAsync(AuthorizationUrlRequest request, CancellationToken cancellationToken = default) =>
        Client.GetAuthCodeUrlAsync(request, cancellationToken);

    /// <summary>
    /// Redeems an authorization code after checking the redirect against what <see cref="GetAuthCodeUrlAsync"/> returned:
    /// state always, a PKCE verifier (or, for confidential clients, at least the nonce), and the returned issuer when
    /// the authority advertises RFC 9207. Opt-outs are named on <see cref="AuthorizationCodeRequest"/>.
    /// </summary>
    /// <param name="request">The code, the redirect's state and issuer, and the state, nonce and verifier kept.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenByCodeAsync(AuthorizationCodeRequest request, CancellationToken cancellationToken = default) =>
        Client.AcquireTokenByCodeAsync(request, cancellationToken);

    /// <summary>Redeems a refresh token obtained elsewhere (migration); the result is cached.</summary>
    /// <param name="request">The refresh token and scopes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenByRefreshTokenAsync(RefreshTokenRequest request, CancellationToken cancellationToken = default) =>
        Client.AcquireTokenByRefreshTokenAsync(request, cancellationToken);

    /// <summary>Gets a token for a signed-in account from the cache, or with its refresh token.</summary>
    /// <param name="request">The account and scopes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The token.</returns>
    /// <exception cref="Common.Errors.InteractionRequiredException">The user must sign in again.</exception>
    public Task<AuthenticationResult> AcquireTokenSilentAsync(SilentFlowRequest request, CancellationToken cancellationToken = default) =>
        Client.AcquireTokenSilentAsync(request, cancellationToken);

    /// <summary>Signs in with a user name and password (discouraged; no MFA).</summary>
    /// <param name="request">The credentials and scopes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenByUsernamePasswordAsync(UsernamePasswordRequest request, CancellationToken cancellationToken = default) =>
        Client.AcquireTokenByUsernamePasswordAsync(request, cancellationToken);

    /// <summary>Returns the application's token cache.</summary>
    /// <returns>The cache.</returns>
    public TokenCache GetTokenCache() => Client.GetTokenCache();
}
