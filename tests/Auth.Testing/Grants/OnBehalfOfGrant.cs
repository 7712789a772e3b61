using Auth.Testing.Clients;
using Auth.Testing.Errors;
using Auth.Testing.Tokens;

namespace Auth.Testing.Grants;

/// <summary>
/// Entra ID's On-Behalf-Of grant (the JWT bearer grant of RFC 7523 §2.1 with <c>requested_token_use=on_behalf_of</c>):
/// a confidential middle-tier client exchanges the user access token it received (<c>assertion</c>) for a token to a
/// downstream resource (<c>scope</c>, one resource). The new tokens are the same user's, bound to the middle tier
/// (<c>azp</c>, pairwise <c>sub</c>, refresh token), as for any other user grant.
/// </summary>
internal sealed class OnBehalfOfGrant : ITokenGrant
{
    private const string OnBehalfOf = "on_behalf_of";

    private readonly UserGrantClientAuthenticator _authenticator;
    private readonly UserAssertionValidator _assertions;
    private readonly UserTokenMinter _minter;

    public OnBehalfOfGrant(UserGrantClientAuthenticator authenticator, UserAssertionValidator assertions, UserTokenMinter minter)
    {
        _authenticator = authenticator;
        _assertions = assertions;
        _minter = minter;
    }

    public string GrantType => "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public GrantResult Handle(TokenRequestContext request)
    {
        // A public client without credentials passes user-grant authentication with method None: OBO refuses it.
        var authentication = _authenticator.Authenticate(request);
        if (authentication.Client is null || authentication.Method == ClientAuthMethod.None)
        {
            return GrantResult.Failure(authentication.Error ?? AadErrors.MissingClientCredentials());
        }

        var tokenUse = request.FormValue("requested_token_use");
        var assertion = request.FormValue("assertion");
        var scope = request.FormValue("scope");
        var missing = tokenUse is null ? "requested_token_use" : assertion is null ? "assertion" : scope is null ? "scope" : null;
        if (missing is not null)
        {
            return GrantResult.Failure(AadErrors.MissingParameter(missing));
        }

        if (tokenUse != OnBehalfOf)
        {
            return GrantResult.Failure(AadOboErrors.WrongTokenUse(tokenUse!));
        }

        if (!ScopeSet.TryParseForToken(scope, out var scopes, out var scopeError))
        {
            return GrantResult.Failure(scopeError);
        }

        var clientId = authentication.Client.ClientId;
        var validation = _assertions.Validate(assertion!, clientId, request);
        if (validation.Value is not { } valid)
        {
            return GrantResult.Failure(validation.Error!);
        }

        var signIn = new UserSignIn(valid.User, clientId, scope!, valid.AuthTime);
        return GrantResult.Success(_minter.Mint(signIn, scopes, request, authentication.Method, scopes.OpenId, scopes.OfflineAccess));
    }
}
