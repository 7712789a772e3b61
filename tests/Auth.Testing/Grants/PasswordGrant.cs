using Auth.Testing.Clients;
using Auth.Testing.Errors;
using Auth.Testing.Tokens;
using Auth.Testing.Users;

namespace Auth.Testing.Grants;

/// <summary>
/// The resource owner password credentials grant (RFC 6749 §4.3) against the registered users: unknown user →
/// <c>invalid_grant</c> AADSTS50034, wrong password → <c>invalid_grant</c> AADSTS50126. Tokens as for other user grants.
/// </summary>
internal sealed class PasswordGrant : ITokenGrant
{
    private readonly UserGrantClientAuthenticator _authenticator;
    private readonly UserDirectory _users;
    private readonly UserTokenMinter _minter;
    private readonly ScopeGrantPolicy _policy;

    public PasswordGrant(UserGrantClientAuthenticator authenticator, UserDirectory users, UserTokenMinter minter, ScopeGrantPolicy policy)
    {
        _policy = policy;
        _authenticator = authenticator;
        _users = users;
        _minter = minter;
    }

    public string GrantType => "password";

    public GrantResult Handle(TokenRequestContext request)
    {
        var authentication = _authenticator.Authenticate(request);
        if (authentication.Client is null)
        {
            return GrantResult.Failure(authentication.Error!);
        }

        var username = request.FormValue("username");
        var password = request.FormValue("password");
        var scope = request.FormValue("scope");
        var missing = username is null ? "username" : password is null ? "password" : scope is null ? "scope" : null;
        if (missing is not null)
        {
            return GrantResult.Failure(AadErrors.MissingParameter(missing));
        }

        if (!ScopeSet.TryParseForToken(scope, out var scopes, out var scopeError))
        {
            return GrantResult.Failure(scopeError);
        }

        var user = _users.Find(username!);
        if (user is null)
        {
            return GrantResult.Failure(AadGrantErrors.UnknownUser(username!, request.Tenant));
        }

        if (!UserDirectory.PasswordMatches(user, password!))
        {
            return GrantResult.Failure(AadGrantErrors.WrongPassword());
        }

        // No consent prompt here: strict, offline_access is never granted (a refresh token is still issued).
        var signIn = _policy.Grant(new UserSignIn(user, authentication.Client.ClientId, scope!, request.Now), consentPrompted: false);
        var granted = signIn.Scopes;
        return GrantResult.Success(_minter.Mint(signIn, granted, request, authentication.Method, granted.OpenId, ScopeGrantPolicy.IssuesRefreshToken(signIn)));
    }
}
