using Auth.Testing.Endpoints;
using Auth.Testing.Jwt;
using Auth.Testing.Users;

namespace Auth.Testing.Tokens;

/// <summary>Issues OpenID Connect ID tokens (OIDC Core §2) in Entra ID's v2.0 shape, RS256-signed, valid one hour.</summary>
internal sealed class IdTokenIssuer
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly JwtWriter _writer;
    private readonly AuthorityUrls _urls;

    public IdTokenIssuer(JwtWriter writer, AuthorityUrls urls)
    {
        _writer = writer;
        _urls = urls;
    }

    /// <summary>
    /// <c>aud</c> = client id, pairwise <c>sub</c>, <c>oid</c>, <c>tid</c>, <c>auth_time</c>, the sign-in's
    /// <c>nonce</c> when it has one; <c>name</c> and <c>preferred_username</c> only when the user authorized the
    /// <c>profile</c> scope and <c>email</c> only with the <c>email</c> scope, as Entra ID does.
    /// </summary>
    public string Issue(UserSignIn signIn, string tenantId, DateTimeOffset now)
    {
        var issuedAt = now.ToUnixTimeSeconds();
        var authorized = signIn.Scopes;
        return _writer.Write(claims =>
        {
            claims.WriteString("aud", signIn.ClientId);
            claims.WriteString("iss", _urls.Issuer(tenantId));
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
}
