using System.Buffers.Text;
using System.Text.Json;

namespace Auth.Common.Jwt;

/// <summary>Reads the <c>alg</c> of a compact JWT's header.</summary>
internal static class JwtHeader
{
    public static string? TryReadAlgorithm(string jwt)
    {
        var dot = jwt.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot > 4096 || !Base64Url.IsValid(jwt.AsSpan(0, dot)))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.AsSpan(0, dot)));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String
                    ? alg.GetString()
                    : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: the alg string is not valid UTF-8.
            return null;
        }
    }
}
