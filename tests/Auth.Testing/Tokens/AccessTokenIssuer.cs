using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Auth.Testing.Clients;
using Auth.Testing.Endpoints;
using Auth.Testing.Jwt;
using Auth.Testing.Settings;
using Auth.Testing.Users;

namespace Auth.Testing.Tokens;

/// <summary>
/// Issues Entra-style v2.0 access tokens, app-only or delegated (user), as RS256-signed JWTs, with the issuer of the
/// authority the request went to; B2C user tokens add <c>tfp</c>; AD FS tokens come from <see cref="AdfsTokenIssuer"/>.
/// </summary>
internal sealed class AccessTokenIssuer
{
    private readonly JwtWriter _writer;
    private readonly DurationSetting _lifetime;
    private readonly AdfsTokenIssuer _adfs;

    public AccessTokenIssuer(JwtWriter writer, DurationSetting lifetime, AdfsTokenIssuer adfs)
    {
        _writer = writer;
        _lifetime = lifetime;
        _adfs = adfs;
    }

    /// <summary>An app-only token (client credentials): <c>idtyp</c> "app", no user claims, empty <c>roles</c>.</summary>
    public IssuedToken IssueAppToken(RegisteredClient client, ClientAuthMethod method, AuthorityProfile profile, string resource, DateTimeOffset now)
    {
        if (profile.Kind == AuthorityKind.Adfs)
        {
            return _adfs.IssueAppToken(client, method, profile, resource, now);
        }

        var objectId = client.ObjectId.ToString();
        return Issue(resource, client.ClientId, method, "app", objectId, objectId, profile.TenantId, profile.Issuer(profile.Tenant), now, null, claims =>
        {
            claims.WriteString("appid", client.ClientId);
            claims.WriteString("appidacr", AuthenticationLevel(method));
            claims.WriteStartArray("roles");
            claims.WriteEndArray();
        });
    }

    /// <summary>
    /// A user token: <c>aud</c> = the first resource asked for (the client id when only OIDC scopes were), <c>scp</c>,
    /// <c>idtyp</c> "user", the user's <c>oid</c>, pairwise <c>sub</c>, <c>name</c> and <c>preferred_username</c>.
    /// </summary>
    /// <param name="signIn">The user and the client (<c>azp</c>, <c>sub</c>).</param>
    /// <param name="scopes">The audience and <c>scp</c>.</param>
    /// <param name="tenantId">The <c>tid</c> (a GUID) and issuer tenant.</param>
    /// <param name="method">How the client authenticated (<c>azpacr</c>).</param>
    /// <param name="now">The issue time.</param>
    /// <param name="profile">The authority the request went to (issuer, kind).</param>
    /// <param name="lifetime">The lifetime; the configured access token lifetime when <see langword="null"/>.</param>
    /// <param name="acrs">The authentication context class references the request's claims asked for (the <c>acrs</c> claim); none when empty or null.</param>
    public IssuedToken IssueUserToken(UserSignIn signIn, ScopeSet scopes, string tenantId, ClientAuthMethod method, DateTimeOffset now, AuthorityProfile profile, TimeSpan? lifetime = null, IReadOnlyList<string>? acrs = null)
    {
        if (profile.Kind == AuthorityKind.Adfs)
        {
            return _adfs.IssueUserToken(signIn, scopes, method, profile, now, lifetime);
        }

        var user = signIn.User;
        var subject = UserClaims.PairwiseSubject(user, signIn.ClientId);
        return Issue(scopes.Resource ?? signIn.ClientId, signIn.ClientId, method, "user", user.ObjectId, subject, tenantId, profile.Issuer(tenantId), now, lifetime, claims =>
        {
            claims.WriteString("name", UserClaims.DisplayName(user));
            claims.WriteString("preferred_username", user.Username);
            claims.WriteString("scp", scopes.ScopeClaim);
            if (profile.Policy is not null)
            {
                claims.WriteString("tfp", profile.Policy);
            }

            if (acrs is { Count: > 0 })
            {
                claims.WriteStartArray("acrs");
                foreach (var acr in acrs)
                {
                    claims.WriteStringValue(acr);
                }

                claims.WriteEndArray();
            }
        });
    }

    /// <summary><c>azpacr</c> / <c>appidacr</c>: 0 public client, 1 secret, 2 certificate.</summary>
    private static string AuthenticationLevel(ClientAuthMethod method) => method switch
    {
        ClientAuthMethod.None => "0",
        ClientAuthMethod.PrivateKeyJwt => "2",
        _ => "1",
    };

    /// <summary>Signs the claims every access token has, then the kind-specific ones.</summary>
    private IssuedToken Issue(
        string audience,
        string clientId,
        ClientAuthMethod method,
        string identityType,
        string objectId,
        string subject,
        string tenantId,
        string issuer,
        DateTimeOffset now,
        TimeSpan? lifetimeOverride,
        Action<Utf8JsonWriter> specific)
    {
        var lifetime = lifetimeOverride ?? _lifetime.Value;
        var issuedAt = now.ToUnixTimeSeconds();
        var token = _writer.Write(claims =>
        {
            claims.WriteString("aud", audience);
            claims.WriteString("iss", issuer);
            claims.WriteNumber("iat", issuedAt);
            claims.WriteNumber("nbf", issuedAt);
            claims.WriteNumber("exp", issuedAt + (long)lifetime.TotalSeconds);
            claims.WriteString("azp", clientId);
            claims.WriteString("azpacr", AuthenticationLevel(method));
            claims.WriteString("idtyp", identityType);
            claims.WriteString("oid", objectId);
            claims.WriteString("sub", subject);
            claims.WriteString("tid", tenantId);
            claims.WriteString("uti", Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
            claims.WriteString("ver", "2.0");
            specific(claims);
        });

        return new IssuedToken(token, lifetime);
    }
}
