using System.Globalization;
using System.Text.Json;
using Auth.Testing.Http;
using Auth.Testing.Jwt;

namespace Auth.Testing.ManagedIdentity;

/// <summary>
/// Issues a managed identity token answer: an RS256 JWT (<c>aud</c> = the resource without <c>/.default</c>,
/// <c>iss</c>, <c>sub</c> = <c>oid</c> = object id, <c>appid</c>, <c>tid</c>, <c>iat</c>/<c>nbf</c>/<c>exp</c>,
/// <c>xms_mirid</c>) in the JSON the sources send: <c>access_token</c>, <c>expires_on</c>, optional <c>expires_in</c>
/// and <c>refresh_in</c>, <c>token_type</c>, <c>resource</c>, <c>client_id</c>.
/// </summary>
internal sealed class MiTokenIssuer
{
    private const string DefaultSuffix = "/.default";

    private readonly JwtWriter _writer;
    private readonly FakeManagedIdentityOptions _options;
    private readonly string _issuer;

    public MiTokenIssuer(JwtWriter writer, FakeManagedIdentityOptions options)
    {
        _writer = writer;
        _options = options;
        _issuer = options.Issuer ?? $"https://login.microsoftonline.com/{options.TenantId}/v2.0";
    }

    public HttpReply Issue(FakeManagedIdentity identity, string resource, DateTimeOffset now)
    {
        var issuedAt = now.ToUnixTimeSeconds();
        var lifetime = (long)Math.Ceiling(_options.TokenLifetime.TotalSeconds);
        var audience = resource.EndsWith(DefaultSuffix, StringComparison.Ordinal) ? resource[..^DefaultSuffix.Length] : resource;
        var token = _writer.Write(claims =>
        {
            claims.WriteString("aud", audience);
            claims.WriteString("iss", _issuer);
            claims.WriteNumber("iat", issuedAt);
            claims.WriteNumber("nbf", issuedAt);
            claims.WriteNumber("exp", issuedAt + lifetime);
            claims.WriteString("sub", identity.ObjectId);
            claims.WriteString("oid", identity.ObjectId);
            claims.WriteString("appid", identity.ClientId);
            claims.WriteString("tid", _options.TenantId);
            claims.WriteString("xms_mirid", identity.ResourceId);
        });

        return HttpReply.Json(200, JsonText.Object(writer =>
        {
            writer.WriteString("access_token", token);
            WriteSeconds(writer, "expires_on", issuedAt + lifetime);
            if (_options.IncludeExpiresIn)
            {
                WriteSeconds(writer, "expires_in", lifetime);
            }

            if (_options.RefreshIn is { } refreshIn)
            {
                writer.WriteNumber("refresh_in", (long)Math.Ceiling(refreshIn.TotalSeconds));
            }

            writer.WriteString("token_type", "Bearer");
            writer.WriteString("resource", resource);
            writer.WriteString("client_id", identity.ClientId);
        }));
    }

    private void WriteSeconds(Utf8JsonWriter writer, string name, long seconds)
    {
        if (_options.ExpiresOnAsString)
        {
            writer.WriteString(name, seconds.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumber(name, seconds);
        }
    }
}
