using System.Text;
using System.Text.Json;
using Auth.Common.Errors;

namespace Auth.Common.Challenges;

/// <summary>
/// Turns the <c>claims</c> parameter of a challenge into the claims JSON: base64 (standard or URL-safe
/// alphabet, padded or not) of a UTF-8 JSON object, or, leniently, the JSON object itself.
/// </summary>
internal static class ClaimsChallengeDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(string value)
    {
        var trimmed = value.Trim();
        var json = trimmed.StartsWith('{') ? trimmed : FromBase64(trimmed);
        EnsureJsonObject(json);
        return json;
    }

    private static string FromBase64(string value)
    {
        if (value.Length == 0)
        {
            throw Invalid("the claims parameter is empty");
        }

        var standard = new StringBuilder(value.Length + 3).Append(value).Replace('-', '+').Replace('_', '/');
        standard.Append('=', (4 - (standard.Length % 4)) % 4);
        var bytes = new byte[standard.Length / 4 * 3];
        if (standard.Length % 4 != 0 || value.Length % 4 == 1 || !Convert.TryFromBase64String(standard.ToString(), bytes, out var written))
        {
            throw Invalid("the claims parameter is not base64");
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException ex)
        {
            throw Invalid("the decoded claims are not UTF-8 text", ex);
        }
    }

    private static void EnsureJsonObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("the decoded claims are JSON but not an object");
            }
        }
        catch (JsonException ex)
        {
            throw Invalid("the decoded claims are not JSON", ex);
        }
    }

    private static AuthClientException Invalid(string detail, Exception? inner = null) =>
        new(AuthErrorCodes.InvalidClaimsChallenge, $"The claims challenge could not be read: {detail}. The resource sent a malformed challenge; report it to its owner.", inner);
}
