namespace Auth.Common.Errors;

/// <summary>
/// The authority answered with an error. <see cref="AuthException.Code"/> is the OAuth
/// <c>error</c> value (for example <c>invalid_client</c>) or one of the library's codes for
/// unreadable or throttled answers.
/// </summary>
public class AuthServiceException : AuthException
{
    /// <inheritdoc cref="AuthException(string, string, Exception?)"/>
    public AuthServiceException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }

    /// <summary>Gets the OAuth <c>error</c> value the authority returned, if any.</summary>
    public string? Error { get; internal set; }

    /// <summary>Gets the authority's <c>error_description</c>, if any.</summary>
    public string? ErrorDescription { get; internal set; }

    /// <summary>Gets the authority's numeric <c>error_codes</c> (AADSTS codes in Entra ID).</summary>
    public IReadOnlyList<long> ErrorCodes { get; internal set; } = [];

    /// <summary>Gets the authority's <c>suberror</c>, if any.</summary>
    public string? SubError { get; internal set; }

    /// <summary>Gets the <c>claims</c> challenge the authority returned, if any.</summary>
    public string? Claims { get; internal set; }

    /// <summary>Gets the authority's trace id for the failed request (give it to the authority's support).</summary>
    public string? TraceId { get; internal set; }

    /// <summary>Gets the authority's timestamp of the failure, as it sent it.</summary>
    public string? Timestamp { get; internal set; }

    /// <summary>Gets the HTTP status code of the answer (0 when no answer arrived).</summary>
    public int StatusCode { get; internal set; }

    /// <summary>Gets how long the authority asked the app to wait before retrying, if it said.</summary>
    public TimeSpan? RetryAfter { get; internal set; }

    /// <summary>Gets whether retrying later may succeed (5xx, 429, timeouts).</summary>
    public bool IsRetryable => StatusCode is 429 or 408 or >= 500;
}
