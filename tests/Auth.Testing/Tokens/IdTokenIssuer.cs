using Auth.Testing.Endpoints;
using Auth.Testing.Http;
using Auth.Testing.Jwt;
using Auth.Testing.Users;

namespace Auth.Testing.Tokens;

/// <summary>
/// Issues OpenID Connect ID tokens (OIDC Core §2), RS256-signed, valid one hour, in the shape of the authority the
/// request went to: Entra ID's v2.0 (CIAM too), B2C's or (through <see cref="AdfsTokenIssuer"/>) AD FS's.
/// </summary>
internal sealed class IdTokenIssuer
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly JwtWriter _writer;
    private readonly AdfsTokenIssuer _adfs;

    public IdTokenIssuer(JwtWriter writer, AdfsTokenIssuer adfs)
    {
        _writer = writer;
        _adfs = adfs;
    }

    /// <summary>
    /// <c>aud</c> = client id, pairwise <c>sub</c>, <c>oid</c>, <c>tid</c>, <c>auth_time</c>, the sign-in's
    /// <c>nonce</c> when it has one; <c>name</c> and <c>preferred_username</c> only when the user authorized the
    /// <c>profile</c> scope and <c>email</c> only with the <c>email</c> scope, as Entra ID does.
    /// </summary>
    public string Issue(UserSignIn signIn, string tenantId, DateTimeOffset now, AuthorityProfile profile) => profile.Kind switch
    {
        AuthorityKind.Adfs => _adfs.IssueIdToken(signIn, profile, now),
        AuthorityKind.B2C => IssueB2C(signIn, tenantId, now, profile),
        _ => IssueEntra(signIn, tenantId, now, profile),
    };

    private string IssueEntra(UserSignIn signIn, string tenantId, DateTimeOffset now, AuthorityProfile profile)
    {
        var issuedAt = now.ToUnixTimeSeconds();
        var authorized = signIn.Scopes;
        return _writer.Write(claims =>
        {
            claims.WriteString("aud", signIn.ClientId);
            claims.WriteString("iss", profile.Issuer(tenantId));
            claims.WriteNumber("iat", issuedAt);
            claims.WriteNumber("nbf", issuedAt);
            claims.WriteNumber("exp", issuedAt + (long)Lifetime.TotalSeconds);
            claims.WriteNumber("auth_time", signIn.AuthTime.ToUnixTimeSeconds());
            if (authorized.Has("email"))
            {
                claims.WriteString("email", signIn.User.Username);
            }

            if (authorized.Has("profile"))
            {
                claims.WriteString("name", UserClaims.DisplayName(signIn.User));
                claims.WriteString("preferred_username", signIn.User.Username);
            }

            if (signIn.Nonce is not null)
            {
                claims.WriteString("nonce", signIn.Nonce);
            }

            claims.WriteString("oid", signIn.User.ObjectId);
            claims.WriteString("sub", UserClaims.PairwiseSubject(signIn.User, signIn.ClientId));
            claims.WriteString("tid", tenantId);
            claims.WriteString("ver", "2.0");
        });
    }

    /// <summary>
    /// B2C's shape (<c>ver</c> 1.0): <c>sub</c> = <c>oid</c>, <c>name</c>, <c>emails</c> (an array, instead of
    /// <c>preferred_username</c>), <c>tfp</c> = the policy as sent, no <c>tid</c>.
    /// </summary>
    private string IssueB2C(UserSignIn signIn, string tenantId, DateTimeOffset now, AuthorityProfile profile)
    {
        var issuedAt = now.ToUnixTimeSeconds();
        return _writer.Write(claims =>
        {
            claims.WriteNumber("exp", issuedAt + (long)Lifetime.TotalSeconds);
            claims.WriteNumber("nbf", issuedAt);
            claims.WriteString("ver", "1.0");
            claims.WriteString("iss", profile.Issuer(tenantId));
            claims.WriteString("sub", signIn.User.ObjectId);
            claims.WriteString("aud", signIn.ClientId);
            if (signIn.Nonce is not null)
            {
                claims.WriteString("nonce", signIn.Nonce);
            }

            claims.WriteNumber("iat", issuedAt);
            claims.WriteNumber("auth_time", signIn.AuthTime.ToUnixTimeSeconds());
            claims.WriteString("oid", signIn.User.ObjectId);
            claims.WriteString("name", UserClaims.DisplayName(signIn.User));
            JsonText.WriteStringArray(claims, "emails", [signIn.User.Username]);
            claims.WriteString("tfp", profile.Policy);
        });
    }
}
