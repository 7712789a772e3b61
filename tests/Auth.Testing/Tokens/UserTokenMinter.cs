using Auth.Testing.Clients;
using Auth.Testing.Endpoints;
using Auth.Testing.Http;
using Auth.Testing.Users;

namespace Auth.Testing.Tokens;

/// <summary>Writes the token response of every user grant: access token, and refresh token, ID token and client_info as they apply.</summary>
internal sealed class UserTokenMinter
{
    private readonly AccessTokenIssuer _accessTokens;
    private readonly IdTokenIssuer _idTokens;
    private readonly RefreshTokenStore _refreshTokens;
    private readonly AuthorityUrls _urls;
    private readonly ScopeGrantPolicy _policy;

    public UserTokenMinter(AccessTokenIssuer accessTokens, IdTokenIssuer idTokens, RefreshTokenStore refreshTokens, AuthorityUrls urls, ScopeGrantPolicy policy)
    {
        _policy = policy;
        _accessTokens = accessTokens;
        _idTokens = idTokens;
        _refreshTokens = refreshTokens;
        _urls = urls;
    }

    /// <param name="signIn">The user, client and authorized scopes (the refresh token remembers them, without the nonce).</param>
    /// <param name="scopes">This request's scopes: the access token's audience and <c>scp</c>, and the echoed <c>scope</c>.</param>
    /// <param name="request">The token request (authority, tenant, time, <c>client_info=1</c>).</param>
    /// <param name="method">How the client authenticated.</param>
    /// <param name="idToken">Whether to add an ID token (<c>openid</c>).</param>
    /// <param name="refreshToken">Whether to add a refresh token (<c>offline_access</c>).</param>
    /// <param name="spaCode">A SPA code to add (<c>spa_code</c>, hybrid SPA), or <see langword="null"/>.</param>
    public HttpReply Mint(UserSignIn signIn, ScopeSet scopes, TokenRequestContext request, ClientAuthMethod method, bool idToken, bool refreshToken, string? spaCode = null)
    {
        var tenantId = UserClaims.TokenTenant(request.Tenant, signIn.User, _urls.TenantId);
        var profile = request.Profile;
        var access = _accessTokens.IssueUserToken(signIn, scopes, tenantId, method, request.Now, profile, acrs: RequestedClaims.Acrs(request.FormValue("claims")));
        var user = new UserTokens(
            _policy.Echo(scopes),
            refreshToken ? _refreshTokens.Issue(signIn with { Nonce = null }, request.Now) : null,
            idToken ? _idTokens.Issue(signIn, tenantId, request.Now, profile) : null,
            request.FormValue("client_info") == "1" ? ClientInfo(signIn.User, profile) : null)
        { SpaCode = spaCode };
        return TokenResponseWriter.Success(access, user);
    }

    /// <summary>Entra's client_info; B2C's with the policy in the uid; none from AD FS, which ignores <c>client_info=1</c>.</summary>
    private string? ClientInfo(FakeUser user, AuthorityProfile profile) => profile.Kind switch
    {
        AuthorityKind.Adfs => null,
        AuthorityKind.B2C => UserClaims.B2CClientInfo(user, profile.Policy!, _urls.TenantId),
        _ => UserClaims.ClientInfo(user, _urls.TenantId),
    };
}
