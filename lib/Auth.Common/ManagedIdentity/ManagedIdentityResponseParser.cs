using System.Globalization;
using System.Text.Json;
using Auth.Common.Errors;
using Auth.Common.Platform;

namespace Auth.Common.ManagedIdentity;

/// <summary>
/// Reads a 200 answer of any source: <c>access_token</c>; <c>expires_on</c> as a number or a string of Unix seconds (a
/// small number is a lifetime, as some sources send it) or an ISO 8601 date; else <c>expires_in</c>; <c>refresh_in</c>
/// when sent, else half the lifetime for tokens that live 2 hours or more.
/// </summary>
internal static class ManagedIdentityResponseParser
{
    private const long TwoHours = 2 * 3600;

    /// <summary>Unix seconds below this (2001-01-01) are a lifetime, not a time (MSAL.NET reads them so too).</summary>
    private const long EarliestAbsolute = 978_307_200;

    public static ManagedIdentityToken Parse(NetworkResponse response, ManagedIdentityEndpoint endpoint, DateTimeOffset now, Guid correlationId)
    {
        try
        {
            using var json = JsonDocument.Parse(response.Body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var accessToken)
                || accessToken.ValueKind != JsonValueKind.String
                || string.IsNullOrEmpty(accessToken.GetString()))
            {
                throw Invalid(endpoint, "it has no access_token", correlationId);
            }

            var expiresIn = Lifetime(root, now) ?? throw Invalid(endpoint, "it has no readable expires_on or expires_in", correlationId);
            if (expiresIn <= 0)
            {
                throw Invalid(endpoint, "the token it issued has already expired", correlationId);
            }

            var refreshIn = Seconds(root, "refresh_in") is { } sent && sent > 0 && sent < expiresIn ? sent
                : expiresIn >= TwoHours ? expiresIn / 2
                : (long?)null;
            var tokenType = root.TryGetProperty("token_type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "Bearer";
            return new ManagedIdentityToken(accessToken.GetString()!, expiresIn, refreshIn, tokenType);
        }
        catch (JsonException ex)
        {
            throw Invalid(endpoint, "it is not JSON", correlationId, ex);
        }
    }

    private static long? Lifetime(JsonElement root, DateTimeOffset now)
    {
        if (root.TryGetProperty("expires_on", out var expiresOn))
        {
            if (Number(expiresOn) is { } value)
            {
                return value < EarliestAbsolute ? value : value - now.ToUnixTimeSeconds();
            }

            if (expiresOn.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(expiresOn.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date))
            {
                return (long)Math.Floor((date - now).TotalSeconds);
            }
        }

        return Seconds(root, "expires_in");
    }

    private static long? Seconds(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? Number(value) : null;

    private static long? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.Number when value.TryGetDouble(out var d) && d is > 0 and < long.MaxValue => (long)d,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static AuthServiceException Invalid(ManagedIdentityEndpoint endpoint, string why, Guid correlationId, Exception? inner = null) =>
        new(AuthErrorCodes.ManagedIdentityInvalidResponse, $"The {endpoint.Source} managed identity endpoint answered HTTP 200, but {why}.", inner)
        {
            StatusCode = 200,
            CorrelationId = correlationId,
        };
}
