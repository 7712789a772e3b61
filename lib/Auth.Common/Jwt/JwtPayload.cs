using System.Buffers.Text;
using System.Text.Json;

namespace Auth.Common.Jwt;

/// <summary>
/// Reads the claims of a compact JWT (no signature check: an ID token received directly from
/// the token endpoint over TLS needs none, OpenID Connect Core 1.0 section 3.1.3.7). Claims are
/// flattened to strings; arrays and objects keep their JSON text.
/// </summary>
internal static class JwtPayload
{
    /// <summary>Returns the claims, or null when <paramref name="jwt"/> is not a readable JWT.</summary>
    public static Dictionary<string, string>? TryRead(string? jwt) => TryRead(jwt, kinds: null);

    /// <summary>
    /// Returns the claims, or null when <paramref name="jwt"/> is not a readable JWT, and puts each claim's JSON kind in
    /// <paramref name="kinds"/> (a string and an array whose text looks alike are told apart there).
    /// </summary>
    public static Dictionary<string, string>? TryRead(string? jwt, Dictionary<string, JsonValueKind>? kinds)
    {
        if (string.IsNullOrEmpty(jwt) || jwt.Length > 64 * 1024)
        {
            return null;
        }

        var parts = jwt.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1]))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]), new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var claims = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                claims[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
                if (kinds is not null)
                {
                    kinds[property.Name] = property.Value.ValueKind;
                }
            }

            return claims;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a name or string value is not valid UTF-8.
            return null;
        }
    }
}
