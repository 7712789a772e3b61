using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Auth.Testing.Jwt;

/// <summary>A parsed, not yet verified, JWS compact serialisation (header.payload.signature).</summary>
internal sealed class CompactJwt
{
    private CompactJwt(JsonElement header, JsonElement payload, byte[] signingInput, byte[] signature)
    {
        Header = header;
        Payload = payload;
        SigningInput = signingInput;
        Signature = signature;
    }

    public JsonElement Header { get; }

    public JsonElement Payload { get; }

    /// <summary>The ASCII bytes of <c>base64url(header) "." base64url(payload)</c>.</summary>
    public byte[] SigningInput { get; }

    public byte[] Signature { get; }

    public static bool TryParse(string token, [NotNullWhen(true)] out CompactJwt? jwt)
    {
        jwt = null;
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[2].Length == 0)
        {
            return false;
        }

        try
        {
            var header = ParseObject(parts[0]);
            var payload = ParseObject(parts[1]);
            var signature = Base64Url.DecodeFromChars(parts[2]);
            if (header is null || payload is null)
            {
                return false;
            }

            jwt = new CompactJwt(header.Value, payload.Value, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    public string? HeaderString(string name) => StringMember(Header, name);

    public string? ClaimString(string name) => StringMember(Payload, name);

    /// <summary>
    /// A NumericDate claim (seconds since the epoch), or <see langword="null"/> when absent or not a number.
    /// Like Entra ID, a number written as a JSON string is accepted too (MSAL.NET writes <c>exp</c> and <c>nbf</c> so).
    /// </summary>
    public DateTimeOffset? ClaimTime(string name)
    {
        if (!Payload.TryGetProperty(name, out var value))
        {
            return null;
        }

        double seconds;
        if (value.ValueKind == JsonValueKind.Number)
        {
            seconds = value.GetDouble();
        }
        else if (value.ValueKind != JsonValueKind.String
            || !double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            return null;
        }

        return seconds is < -62_135_596_800 or > 253_402_300_799 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? ParseObject(string part)
    {
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(part));
        return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
    }
}
