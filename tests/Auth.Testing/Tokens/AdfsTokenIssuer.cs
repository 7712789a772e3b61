using System.Text.Json;
using Auth.Testing.Clients;
using Auth.Testing.Endpoints;
using Auth.Testing.Jwt;
using Auth.Testing.Settings;
using Auth.Testing.Users;

namespace Auth.Testing.Tokens;

/// <summary>
/// Issues AD FS-shaped tokens (<c>ver</c> 1.0): access tokens from <c>http://{host}/adfs/services/trust</c> with
/// <c>appid</c>, <c>apptype</c>, <c>authmethod</c>, and for users <c>scp</c>, <c>upn</c>, <c>unique_name</c>; ID tokens
/// from <c>{origin}/adfs</c> with <c>sub</c>, <c>upn</c>, <c>unique_name</c>. Never <c>tid</c> or <c>oid</c>.
/// </summary>
internal sealed class AdfsTokenIssuer
{
    private const string PasswordMethod = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
    private static readonly TimeSpan IdTokenLifetime = TimeSpan.FromHours(1);

    private readonly JwtWriter _writer;
    private readonly DurationSetting _lifetime;

    public AdfsTokenIssuer(JwtWriter writer, DurationSetting lifetime)
    {
        _writer = writer;
        _lifetime = lifetime;
    }

    public IssuedToken IssueAppToken(RegisteredClient client, ClientAuthMethod method, AuthorityProfile profile, string resource, DateTimeOffset now) =>
        IssueAccess(resource, client.ClientId, method, profile, now, null, _ => { });

    public IssuedToken IssueUserToken(UserSignIn signIn, ScopeSet scopes, ClientAuthMethod method, AuthorityProfile profile, DateTimeOffset now, TimeSpan? lifetime)
    {
        return IssueAccess(scopes.Resource ?? signIn.ClientId, signIn.ClientId, method, profile, now, lifetime, claims =>
        {
            claims.WriteString("scp", scopes.ScopeClaim);
            WriteUser(claims, signIn.User);
        });
    }

    public string IssueIdToken(UserSignIn signIn, AuthorityProfile profile, DateTimeOffset now)
    {
        var issuedAt = now.ToUnixTimeSeconds();
        return _writer.Write(claims =>
        {
            claims.WriteString("aud", signIn.ClientId);
            claims.WriteString("iss", profile.DocumentIssuer);
            claims.WriteNumber("iat", issuedAt);
            claims.WriteNumber("nbf", issuedAt);
            claims.WriteNumber("exp", issuedAt + (long)IdTokenLifetime.TotalSeconds);
            claims.WriteNumber("auth_time", signIn.AuthTime.ToUnixTimeSeconds());
            if (signIn.Nonce is not null)
            {
                claims.WriteString("nonce", signIn.Nonce);
            }

            claims.WriteString("sub", UserClaims.PairwiseSubject(signIn.User, signIn.ClientId));
            WriteUser(claims, signIn.User);
            claims.WriteString("ver", "1.0");
        });
    }

    private static void WriteUser(Utf8JsonWriter claims, FakeUser user)
    {
        claims.WriteString("upn", user.Username);
        claims.WriteString("unique_name", UserClaims.DownLevelLogonName(user));
    }

    private IssuedToken IssueAccess(
        string audience,
        string clientId,
        ClientAuthMethod method,
        AuthorityProfile profile,
        DateTimeOffset now,
        TimeSpan? lifetimeOverride,
        Action<Utf8JsonWriter> specific)
    {
        var lifetime = lifetimeOverride ?? _lifetime.Value;
        var issuedAt = now.ToUnixTimeSeconds();
        var token = _writer.Write(claims =>
        {
            claims.WriteString("aud", audience);
            claims.WriteString("iss", profile.AccessTokenIssuer(profile.Tenant));
            claims.WriteNumber("iat", issuedAt);
            claims.WriteNumber("nbf", issuedAt);
            claims.WriteNumber("exp", issuedAt + (long)lifetime.TotalSeconds);
            claims.WriteString("appid", clientId);
            claims.WriteString("apptype", method == ClientAuthMethod.None ? "Public" : "Confidential");
            claims.WriteString("authmethod", PasswordMethod);
            claims.WriteNumber("auth_time", issuedAt);
            claims.WriteString("ver", "1.0");
            specific(claims);
        });

        return new IssuedToken(token, lifetime);
    }
}
