using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Auth.Testing.Http;

namespace Auth.Testing.Jwt;

/// <summary>Writes RS256-signed compact JWTs (RFC 7519) with the authority's signing key.</summary>
internal sealed class JwtWriter
{
    private readonly SigningKey _key;

    public JwtWriter(SigningKey key)
    {
        _key = key;
    }

    /// <summary>Signs the claims written by <paramref name="writeClaims"/>; the header names the key by <c>kid</c> and <c>x5t</c>.</summary>
    public string Write(Action<Utf8JsonWriter> writeClaims)
    {
        var header = JsonText.Object(writer =>
        {
            writer.WriteString("typ", "JWT");
            writer.WriteString("alg", "RS256");
            writer.WriteString("x5t", _key.KeyId);
            writer.WriteString("kid", _key.KeyId);
        });
        var payload = JsonText.Object(writeClaims);

        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = _key.SignRs256(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
