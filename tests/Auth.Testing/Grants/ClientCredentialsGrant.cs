using Auth.Testing.Clients;
using Auth.Testing.Errors;
using Auth.Testing.Tokens;

namespace Auth.Testing.Grants;

/// <summary>
/// The client credentials grant (RFC 6749 §4.4) with Entra ID's rules: a confidential client, and a single
/// <c>scope</c> of the form <c>{resource}/.default</c>; the token audience is the resource.
/// </summary>
internal sealed class ClientCredentialsGrant : ITokenGrant
{
    private const string DefaultScopeSuffix = "/.default";

    private readonly ClientAuthenticator _authenticator;
    private readonly AccessTokenIssuer _issuer;

    public ClientCredentialsGrant(ClientAuthenticator authenticator, AccessTokenIssuer issuer)
    {
        _authenticator = authenticator;
        _issuer = issuer;
    }

    public string GrantType => "client_credentials";

    public GrantResult Handle(TokenRequestContext request)
    {
        var authentication = _authenticator.Authenticate(request);
        if (authentication.Client is null)
        {
            return GrantResult.Failure(authentication.Error!);
        }

        var scope = request.FormValue("scope");
        if (scope is null)
        {
            return GrantResult.Failure(AadErrors.MissingParameter("scope"));
        }

        var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length != 1)
        {
            return GrantResult.Failure(AadErrors.InvalidScope());
        }

        if (!scopes[0].EndsWith(DefaultScopeSuffix, StringComparison.Ordinal) || scopes[0].Length == DefaultScopeSuffix.Length)
        {
            return GrantResult.Failure(AadErrors.ScopeNotDefault(scopes[0]));
        }

        var resource = scopes[0][..^DefaultScopeSuffix.Length];
        var token = _issuer.IssueAppToken(authentication.Client, authentication.Method, request.Profile, resource, request.Now);
        return GrantResult.Success(TokenResponseWriter.Success(token));
    }
}
