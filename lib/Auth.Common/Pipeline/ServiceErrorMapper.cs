using System.Globalization;
using Auth.Common.Errors;
using Auth.Common.Platform;

namespace Auth.Common.Pipeline;

/// <summary>Maps an authority's error answer to the exception type the app sees.</summary>
internal static class ServiceErrorMapper
{
    private static readonly HashSet<string> InteractionErrors = new(StringComparer.Ordinal)
    {
        "interaction_required", "login_required", "consent_required", "invalid_grant",
    };

    /// <summary>Suberrors of invalid_grant that a new sign-in would not fix (the token or client is wrong).</summary>
    private static readonly HashSet<string> NotInteractionSubErrors = new(StringComparer.Ordinal)
    {
        "bad_token", "client_mismatch",
    };

    public static AuthServiceException FromOAuthError(TokenResponseJson json, NetworkResponse response, Guid correlationId, TimeProvider time)
    {
        // The authority's words reach messages, properties and log lines only cleaned and bounded (ServerText).
        var code = ServerText.Code(json.Error!);
        var subError = ServerText.CodeOrNull(json.SubError);
        var description = ServerText.TextOrNull(json.ErrorDescription);
        var message = $"The authority answered '{code}'{(subError is { Length: > 0 } sub ? $" ({sub})" : string.Empty)} (HTTP {response.StatusCode}): {description ?? "no description"}";
        var exception = Create(code, subError, B2CServerErrors.CodeFor(description), message, response, correlationId);
        exception.Error = code;
        exception.ErrorDescription = description;
        exception.ErrorCodes = json.ErrorCodes ?? [];
        exception.SubError = subError;
        exception.Claims = json.Claims;
        exception.TraceId = ServerText.CodeOrNull(json.TraceId);
        exception.Timestamp = ServerText.CodeOrNull(json.Timestamp);
        exception.StatusCode = response.StatusCode;
        exception.RetryAfter = RetryAfter(response, time);
        return exception;
    }

    /// <summary>
    /// A B2C answer the app handles by code (<see cref="B2CServerErrors"/>); an error a new sign-in fixes; throttling;
    /// or the authority's code as it is.
    /// </summary>
    private static AuthServiceException Create(string code, string? subError, string? b2cCode, string message, NetworkResponse response, Guid correlationId)
    {
        if (b2cCode is not null)
        {
            return new AuthServiceException(b2cCode, message) { CorrelationId = correlationId };
        }

        if (InteractionErrors.Contains(code) && !(code == "invalid_grant" && subError is not null && NotInteractionSubErrors.Contains(subError)))
        {
            return new InteractionRequiredException(code, message) { CorrelationId = correlationId };
        }

        return new AuthServiceException(IsThrottled(response) ? AuthErrorCodes.RequestThrottled : code, message) { CorrelationId = correlationId };
    }

    public static AuthServiceException FromHttpStatus(NetworkResponse response, Guid correlationId, TimeProvider time)
    {
        var throttled = IsThrottled(response);
        var code = throttled ? AuthErrorCodes.RequestThrottled : AuthErrorCodes.HttpStatusError;
        var advice = throttled || response.StatusCode >= 500
            ? "Retry later."
            : response.StatusCode is >= 300 and < 400
                ? $"Redirects are not followed{RedirectTarget(response)}: check the authority URL; the token endpoint must answer directly."
                : "Check the authority URL and the request.";
        return new AuthServiceException(code, $"The authority answered HTTP {response.StatusCode} without an OAuth error{BodyKind(response)}. {advice}")
        {
            StatusCode = response.StatusCode,
            RetryAfter = RetryAfter(response, time),
            CorrelationId = correlationId,
        };
    }

    /// <summary>Names a non-JSON body (an HTML or text error page from a proxy or gateway), else nothing.</summary>
    internal static string BodyKind(NetworkResponse response) =>
        response.Headers.TryGetValue("Content-Type", out var type) && !string.IsNullOrWhiteSpace(type) && !type.Contains("json", StringComparison.OrdinalIgnoreCase)
            ? $" (a {ServerText.Text(type.Split(';')[0].Trim(), 100)} body, not JSON)"
            : string.Empty;

    private static string RedirectTarget(NetworkResponse response) =>
        response.Headers.TryGetValue("Location", out var location) && Uri.TryCreate(location, UriKind.Absolute, out var target)
            ? $" (it pointed to {target.GetLeftPart(UriPartial.Authority)})"
            : string.Empty;

    private static bool IsThrottled(NetworkResponse response) =>
        response.StatusCode == 429 || (response.StatusCode == 503 && response.Headers.ContainsKey("Retry-After"));

    /// <summary>Reads Retry-After as delta-seconds or an HTTP date (RFC 9110 section 10.2.3).</summary>
    internal static TimeSpan? RetryAfter(NetworkResponse response, TimeProvider time)
    {
        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(1).TotalSeconds));
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var delta = date - time.GetUtcNow();
            return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
        }

        return null;
    }
}
