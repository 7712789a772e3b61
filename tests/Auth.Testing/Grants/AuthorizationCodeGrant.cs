using Auth.Testing.Authorization;
using Auth.Testing.Clients;
using Auth.Testing.Errors;
using Auth.Testing.Spa;
using Auth.Testing.Tokens;

namespace Auth.Testing.Grants;

/// <summary>
/// The authorization code grant (RFC 6749 §4.1.3) with PKCE (RFC 7636 §4.5): the code's client, the same
/// <c>redirect_uri</c>, and the <c>code_verifier</c> when the request had a challenge. An optional <c>scope</c>
/// picks the token's resource (one resource); the ID token and refresh token follow the scopes authorized.
/// Hybrid SPA: a confidential client sending <c>return_spa_code=1</c> also gets a <c>spa_code</c>, and a cross-origin
/// request (an <c>Origin</c> header, from a browser) redeems such a code (<see cref="SpaCodes"/>).
/// </summary>
internal sealed class AuthorizationCodeGrant : ITokenGrant
{
    private readonly UserGrantClientAuthenticator _authenticator;
    private readonly AuthorizationCodeStore _codes;
    private readonly SpaCodes _spaCodes;
    private readonly UserTokenMinter _minter;
    private readonly ScopeGrantPolicy _policy;

    public AuthorizationCodeGrant(UserGrantClientAuthenticator authenticator, AuthorizationCodeStore codes, SpaCodes spaCodes, UserTokenMinter minter, ScopeGrantPolicy policy)
    {
        _policy = policy;
        _authenticator = authenticator;
        _codes = codes;
        _spaCodes = spaCodes;
        _minter = minter;
    }

    public string GrantType => "authorization_code";

    public GrantResult Handle(TokenRequestContext request)
    {
        var redemption = request.Header("Origin") is { } origin ? _spaCodes.Redeem(request, origin) : RedeemFromServer(request);
        if (redemption.Value is not { } redeemed)
        {
            return GrantResult.Failure(redemption.Error!);
        }

        // Strict, the code's grant applies whatever scope the request names, as oidc-provider ignores it here.
        ScopeSet? requested = null;
        var scope = _policy.Strict ? null : request.FormValue("scope");
        if (scope is not null && !ScopeSet.TryParseForToken(scope, out requested, out var scopeError))
        {
            return GrantResult.Failure(scopeError);
        }

        var signIn = redeemed.Code.SignIn;
        var spaCode = redeemed.Method != ClientAuthMethod.None && request.FormValue("return_spa_code") == "1"
            ? _spaCodes.Issue(redeemed.Client, signIn, request.Now)
            : null;
        var authorized = signIn.Scopes;
        var reply = _minter.Mint(signIn, requested ?? authorized, request, redeemed.Method, authorized.OpenId, ScopeGrantPolicy.IssuesRefreshToken(signIn), spaCode);
        return GrantResult.Success(reply);
    }

    /// <summary>A same-origin (server) redemption: the client authenticates as it registered; a SPA code is refused.</summary>
    private Redemption<RedeemedCode> RedeemFromServer(TokenRequestContext request)
    {
        var code = request.FormValue("code");
        if (code is not null && _spaCodes.Holds(code))
        {
            return Redemption<RedeemedCode>.Failure(AadSpaErrors.SpaCodeWithoutOrigin());
        }

        var authentication = _authenticator.Authenticate(request);
        if (authentication.Client is null)
        {
            return Redemption<RedeemedCode>.Failure(authentication.Error!);
        }

        var redirectUri = request.FormValue("redirect_uri");
        if (code is null || redirectUri is null)
        {
            return Redemption<RedeemedCode>.Failure(AadErrors.MissingParameter(code is null ? "code" : "redirect_uri"));
        }

        var redemption = _codes.Redeem(code, authentication.Client.ClientId, request.Now);
        if (redemption.Value is not { } grant)
        {
            return Redemption<RedeemedCode>.Failure(redemption.Error!);
        }

        var error = Check(grant, redirectUri, request.FormValue("code_verifier"));
        return error is null
            ? Redemption<RedeemedCode>.Success(new RedeemedCode(grant, authentication.Client, authentication.Method))
            : Redemption<RedeemedCode>.Failure(error);
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
