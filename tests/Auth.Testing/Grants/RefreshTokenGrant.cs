using Auth.Testing.Clients;
using Auth.Testing.Errors;
using Auth.Testing.Tokens;

namespace Auth.Testing.Grants;

/// <summary>
/// The refresh token grant (RFC 6749 §6) with rotation: the refresh token must be the client's, unused and not
/// revoked; it is used up and the response carries its successor. <c>scope</c> is optional (default: the scopes
/// first authorized) and may name any one resource; an ID token comes back when <c>openid</c> was authorized or asked for.
/// Strict (<see cref="ScopeGrantPolicy"/>), <c>scope</c> may name only scopes of the original grant, else <c>invalid_scope</c>.
/// </summary>
internal sealed class RefreshTokenGrant : ITokenGrant
{
    private readonly UserGrantClientAuthenticator _authenticator;
    private readonly RefreshTokenStore _refreshTokens;
    private readonly UserTokenMinter _minter;
    private readonly ScopeGrantPolicy _policy;

    public RefreshTokenGrant(UserGrantClientAuthenticator authenticator, RefreshTokenStore refreshTokens, UserTokenMinter minter, ScopeGrantPolicy policy)
    {
        _policy = policy;
        _authenticator = authenticator;
        _refreshTokens = refreshTokens;
        _minter = minter;
    }

    public string GrantType => "refresh_token";

    public GrantResult Handle(TokenRequestContext request)
    {
        var authentication = _authenticator.Authenticate(request);
        if (authentication.Client is null)
        {
            return GrantResult.Failure(authentication.Error!);
        }

        var refreshToken = request.FormValue("refresh_token");
        if (refreshToken is null)
        {
            return GrantResult.Failure(AadErrors.MissingParameter("refresh_token"));
        }

        ScopeSet? requested = null;
        var scope = request.FormValue("scope");
        if (scope is not null && !ScopeSet.TryParseForToken(scope, out requested, out var scopeError))
        {
            return GrantResult.Failure(scopeError);
        }

        // Strict, a scope beyond the grant is refused before the refresh token is used up, as oidc-provider does.
        if (_refreshTokens.Peek(refreshToken, authentication.Client.ClientId) is { } held && _policy.CheckRefresh(requested, held.Scopes) is { } beyondGrant)
        {
            return GrantResult.Failure(beyondGrant);
        }

        var redemption = _refreshTokens.Redeem(refreshToken, authentication.Client.ClientId, request.Now);
        if (redemption.Value is not { } signIn)
        {
            return GrantResult.Failure(redemption.Error!);
        }

        var authorized = signIn.Scopes;
        var scopes = requested ?? authorized;
        var reply = _minter.Mint(signIn, scopes, request, authentication.Method, authorized.OpenId || scopes.OpenId, refreshToken: true);
        return GrantResult.Success(reply);
    }
}
