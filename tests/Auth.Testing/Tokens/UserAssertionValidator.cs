using Auth.Testing.Errors;
using Auth.Testing.Jwt;
using Auth.Testing.Users;

namespace Auth.Testing.Tokens;

/// <summary>
/// Validates the user assertion of an On-Behalf-Of request as Entra ID does: an access token this authority issued
/// (RS256 by its signing key, <c>iss</c> = one of its issuers of the token's <c>tid</c> (see <see cref="OwnIssuers"/>), which must be the requested
/// tenant when the path names one by GUID), within <c>nbf</c>/<c>exp</c> give or take 5 minutes, for the calling
/// application (<c>aud</c> = its client id or <c>api://{client id}</c>), and a delegated token of a registered user.
/// </summary>
internal sealed class UserAssertionValidator
{
    private const string AppIdUriScheme = "api://";
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private readonly SigningKey _key;
    private readonly OwnIssuers _issuers;
    private readonly UserDirectory _users;

    public UserAssertionValidator(SigningKey key, OwnIssuers issuers, UserDirectory users)
    {
        _key = key;
        _issuers = issuers;
        _users = users;
    }

    /// <param name="assertion">The <c>assertion</c> form field.</param>
    /// <param name="clientId">The authenticated middle-tier client.</param>
    /// <param name="request">The token request (tenant path and time).</param>
    public Redemption<ValidUserAssertion> Validate(string assertion, string clientId, TokenRequestContext request)
    {
        if (!CompactJwt.TryParse(assertion, out var jwt))
        {
            return Redemption<ValidUserAssertion>.Failure(AadOboErrors.MalformedAssertion());
        }

        var error = CheckSignature(jwt) ?? CheckIssuer(jwt, request) ?? CheckTime(jwt, request.Now) ?? CheckAudience(jwt, clientId);
        if (error is not null)
        {
            return Redemption<ValidUserAssertion>.Failure(error);
        }

        var identityType = jwt.ClaimString("idtyp");
        var isUserToken = identityType == "user" || (identityType is null && !string.IsNullOrEmpty(jwt.ClaimString("scp")));
        if (!isUserToken || string.IsNullOrEmpty(jwt.ClaimString("sub")))
        {
            return Redemption<ValidUserAssertion>.Failure(AadOboErrors.NotAUserToken(identityType));
        }

        var objectId = jwt.ClaimString("oid");
        var user = objectId is null ? null : _users.FindByObjectId(objectId);
        if (user is null)
        {
            return Redemption<ValidUserAssertion>.Failure(AadOboErrors.UnknownUser(objectId, jwt.ClaimString("tid")!));
        }

        return Redemption<ValidUserAssertion>.Success(new ValidUserAssertion(user, jwt.ClaimTime("iat") ?? request.Now));
    }

    private AadError? CheckSignature(CompactJwt jwt)
    {
        var keyId = jwt.HeaderString("kid");
        if (jwt.HeaderString("alg") != "RS256" || keyId != _key.KeyId)
        {
            return AadOboErrors.KeyNotFound(keyId);
        }

        return _key.VerifyRs256(jwt.SigningInput, jwt.Signature) ? null : AadOboErrors.SignatureMismatch();
    }

    private AadError? CheckIssuer(CompactJwt jwt, TokenRequestContext request)
    {
        var issuer = jwt.ClaimString("iss");
        if (!Guid.TryParse(jwt.ClaimString("tid"), out var tokenTenant) || !_issuers.IsOwn(issuer, tokenTenant.ToString(), request.Profile))
        {
            return AadOboErrors.WrongIssuer(issuer);
        }

        return Guid.TryParse(request.Tenant, out var pathTenant) && pathTenant != tokenTenant
            ? AadOboErrors.OtherTenant(tokenTenant.ToString(), pathTenant.ToString())
            : null;
    }

    private static AadError? CheckTime(CompactJwt jwt, DateTimeOffset now)
    {
        var expires = jwt.ClaimTime("exp");
        var notBefore = jwt.ClaimTime("nbf");
        var valid = expires is not null && now < expires.Value + Skew && (notBefore is null || now >= notBefore.Value - Skew);
        return valid ? null : AadOboErrors.OutsideValidTime(now, notBefore, expires);
    }

    private static AadError? CheckAudience(CompactJwt jwt, string clientId)
    {
        var audience = jwt.ClaimString("aud");
        return audience == clientId || audience == AppIdUriScheme + clientId ? null : AadOboErrors.AudienceMismatch(audience, clientId);
    }
}
