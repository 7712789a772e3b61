using System.Text.Json;

namespace Auth.Testing.Tokens;

/// <summary>
/// What a token request's <c>claims</c> parameter asks of the access token that this authority honours: the
/// authentication context class references (<c>access_token.acrs.value</c> / <c>values</c>, as a claims challenge
/// asks for them), which the issued token then carries as its <c>acrs</c> claim. Anything else is ignored, as Entra
/// ignores claims it does not know; a parameter that is not JSON asks for nothing.
/// </summary>
internal static class RequestedClaims
{
    public static IReadOnlyList<string> Acrs(string? claims)
    {
        if (string.IsNullOrEmpty(claims))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(claims);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("access_token", out var accessToken) || accessToken.ValueKind != JsonValueKind.Object
                || !accessToken.TryGetProperty("acrs", out var acrs) || acrs.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            var values = new List<string>();
            if (acrs.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
            {
                values.Add(value.GetString()!);
            }

            if (acrs.TryGetProperty("values", out var many) && many.ValueKind == JsonValueKind.Array)
            {
                values.AddRange(many.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
            }

            return values;
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
