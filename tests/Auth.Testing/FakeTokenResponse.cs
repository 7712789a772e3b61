using Auth.Testing.Errors;

namespace Auth.Testing;

/// <summary>
/// A scripted answer for the token endpoint, queued with <see cref="FakeAuthority.EnqueueTokenResponse"/>.
/// Error answers use the Entra ID JSON error shape with realistic AADSTS codes.
/// </summary>
public sealed record FakeTokenResponse
{
    private FakeTokenResponse(int? statusCode, string? error)
    {
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>The HTTP status sent, or <see langword="null"/> when the normal answer follows a delay (<see cref="Slow"/>).</summary>
    public int? StatusCode { get; }

    /// <summary>The OAuth 2.0 <c>error</c> code of an error answer; <see langword="null"/> otherwise.</summary>
    public string? Error { get; }

    /// <summary>How long the authority waits (in real time) before answering.</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>The <c>Retry-After</c> header value sent, if any.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    internal AadError? AadError { get; private init; }

    internal string? Body { get; private init; }

    internal string ContentType { get; private init; } = "application/json";

    internal IReadOnlyDictionary<string, string>? Headers { get; private init; }

    /// <summary>401 <c>invalid_client</c> (AADSTS7000215, invalid client secret).</summary>
    public static FakeTokenResponse InvalidClient() => FromError(AadErrors.InvalidClientSecret());

    /// <summary>400 <c>invalid_scope</c> (AADSTS70011).</summary>
    public static FakeTokenResponse InvalidScope() => FromError(AadErrors.InvalidScope());

    /// <summary>400 <c>invalid_grant</c> (AADSTS70008, expired code or refresh token).</summary>
    public static FakeTokenResponse InvalidGrant() => FromError(AadErrors.InvalidGrant());

    /// <summary>400 <c>interaction_required</c> (AADSTS50076, multi-factor authentication required).</summary>
    public static FakeTokenResponse InteractionRequired() => FromError(AadErrors.InteractionRequired());

    /// <summary>429 <c>temporarily_unavailable</c> (AADSTS50196) with a <c>Retry-After</c> header in whole seconds.</summary>
    /// <param name="retryAfter">The wait advertised; rounded up to whole seconds.</param>
    public static FakeTokenResponse Throttled(TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return FromError(AadErrors.Throttled()) with { RetryAfter = retryAfter };
    }

    /// <summary>500 <c>server_error</c> (AADSTS50000).</summary>
    public static FakeTokenResponse ServerError() => FromError(AadErrors.ServerError());

    /// <summary>503 <c>temporarily_unavailable</c> (AADSTS90033), with a <c>Retry-After</c> header when given.</summary>
    /// <param name="retryAfter">The wait advertised, if any; rounded up to whole seconds.</param>
    public static FakeTokenResponse ServiceUnavailable(TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        }

        return FromError(AadErrors.ServiceUnavailable()) with { RetryAfter = retryAfter };
    }

    /// <summary>200 with a JSON body cut off in the middle of the access token.</summary>
    public static FakeTokenResponse MalformedJson() =>
        new(200, null) { Body = "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"eyJ0eXAiOiJKV1Qi" };

    /// <summary>The normal answer for the request, sent after <paramref name="delay"/> of real time.</summary>
    /// <param name="delay">The wait before answering.</param>
    public static FakeTokenResponse Slow(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new FakeTokenResponse(null, null) { Delay = delay };
    }

    /// <summary>Any status, body, content type and headers, sent verbatim.</summary>
    /// <param name="status">The HTTP status code (100-599).</param>
    /// <param name="body">The body, sent as is.</param>
    /// <param name="contentType">The <c>Content-Type</c> header.</param>
    /// <param name="headers">Extra response headers.</param>
    public static FakeTokenResponse Custom(
        int status,
        string body,
        string contentType = "application/json",
        IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var copy = headers is null ? null : new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        return new FakeTokenResponse(status, null) { Body = body, ContentType = contentType, Headers = copy };
    }

    private static FakeTokenResponse FromError(AadError error) => new(error.StatusCode, error.Error) { AadError = error };
}
