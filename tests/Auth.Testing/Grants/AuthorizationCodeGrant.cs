using Auth.Testing.Authorization;
using Auth.Testing.Clients;
using Auth.Testing.Errors;
using Auth.Testing.Tokens;

namespace Auth.Testing.Grants;

/// <summary>
/// The authorization code grant (RFC 6749 §4.1.3) with PKCE (RFC 7636 §4.5): the code's client, the same
/// <c>redirect_uri</c>, and the <c>code_verifier</c> when the request had a challenge. An optional <c>scope</c>
/// picks the token's resource (one resource); the ID token and refresh token follow the scopes authorized.
/// </summary>
internal sealed class AuthorizationCodeGrant : ITokenGrant
{
    private readonly UserGrantClientAuthenticator _authenticator;
    private readonly AuthorizationCodeStore _codes;
    private readonly UserTokenMinter _minter;
    private readonly ScopeGrantPolicy _policy;

    public AuthorizationCodeGrant(UserGrantClientAuthenticator authenticator, AuthorizationCodeStore codes, UserTokenMinter minter, ScopeGrantPolicy policy)
    {
        _policy = policy;
        _authenticator = authenticator;
        _codes = codes;
        _minter = minter;
    }

    public string GrantType => "authorization_code";

    public GrantResult Handle(TokenRequestContext request)
    {
        var authentication = _authenticator.Authenticate(request);
        if (authentication.Client is null)
        {
            return GrantResult.Failure(authentication.Error!);
        }

        var code = request.FormValue("code");
        var redirectUri = request.FormValue("redirect_uri");
        if (code is null || redirectUri is null)
        {
            return GrantResult.Failure(AadErrors.MissingParameter(code is null ? "code" : "redirect_uri"));
        }

        var redemption = _codes.Redeem(code, authentication.Client.ClientId, request.Now);
        if (redemption.Value is not { } grant)
        {
            return GrantResult.Failure(redemption.Error!);
        }

        var error = Check(grant, redirectUri, request.FormValue("code_verifier"));
        if (error is not null)
        {
            return GrantResult.Failure(error);
        }

        // Strict, the code's grant applies whatever scope the request names, as oidc-provider ignores it here.
        ScopeSet? requested = null;
        var scope = _policy.Strict ? null : request.FormValue("scope");
        if (scope is not null && !ScopeSet.TryParseForToken(scope, out requested, out var scopeError))
        {
            return GrantResult.Failure(scopeError);
        }

        var authorized = grant.SignIn.Scopes;
        var reply = _minter.Mint(grant.SignIn, requested ?? authorized, request, authentication.Method, authorized.OpenId, ScopeGrantPolicy.IssuesRefreshToken(grant.SignIn));
        return GrantResult.Success(reply);
    }

    private static AadError? Check(AuthorizationCode grant, string redirectUri, string? verifier)
    {
        if (redirectUri != grant.RedirectUri)
        {
            return AadGrantErrors.RedirectUriMismatch(redirectUri, grant.RedirectUri);
        }

        if (grant.CodeChallenge is null)
        {
            return null;
        }

        if (verifier is null)
        {
            return AadGrantErrors.MissingCodeVerifier();
        }

        return PkceVerifier.Matches(verifier, grant.CodeChallenge) ? null : AadGrantErrors.CodeVerifierMismatch();
    }
}
