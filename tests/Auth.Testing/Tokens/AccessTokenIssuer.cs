using System.Buffers.Text;
using System.Security.Cryptography;
using Auth.Testing.Clients;
using Auth.Testing.Endpoints;
using Auth.Testing.Jwt;

namespace Auth.Testing.Tokens;

/// <summary>Issues Entra-style v2.0 access tokens as RS256-signed JWTs.</summary>
internal sealed class AccessTokenIssuer
{
    private readonly JwtWriter _writer;
    private readonly AuthorityUrls _urls;
    private readonly TokenLifetime _lifetime;

    public AccessTokenIssuer(JwtWriter writer, AuthorityUrls urls, TokenLifetime lifetime)
    {
        _writer = writer;
        _urls = urls;
        _lifetime = lifetime;
    }

    /// <summary>An app-only token (client credentials): <c>idtyp</c> "app", no user claims, empty <c>roles</c>.</summary>
    public IssuedToken IssueAppToken(RegisteredClient client, ClientAuthMethod method, string tenant, string resource, DateTimeOffset now)
    {
        var lifetime = _lifetime.Value;
        var issuedAt = now.ToUnixTimeSeconds();
        var clientAuth = method == ClientAuthMethod.PrivateKeyJwt ? "2" : "1";
        var objectId = client.ObjectId.ToString();

        var token = _writer.Write(claims =>
        {
            claims.WriteString("aud", resource);
            claims.WriteString("iss", _urls.Issuer(tenant));
            claims.WriteNumber("iat", issuedAt);
            claims.WriteNumber("nbf", issuedAt);
            claims.WriteNumber("exp", issuedAt + (long)lifetime.TotalSeconds);
            claims.WriteString("appid", client.ClientId);
            claims.WriteString("appidacr", clientAuth);
            claims.WriteString("azp", client.ClientId);
            claims.WriteString("azpacr", clientAuth);
            claims.WriteString("idtyp", "app");
            claims.WriteString("oid", objectId);
            claims.WriteStartArray("roles");
            claims.WriteEndArray();
            claims.WriteString("sub", objectId);
            claims.WriteString("tid", _urls.ResolveTenantId(tenant));
            claims.WriteString("uti", Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
            claims.WriteString("ver", "2.0");
        });

        return new IssuedToken(token, lifetime);
    }
}
