using Auth.Common.Errors;

namespace Auth.Common.Pipeline;

/// <summary>
/// What one trip through the pipeline produced: a value, or the error to report. The pipeline
/// returns this instead of throwing for an OAuth error answer (RFC 6749 section 5.2), a throttled
/// request or a transport failure, so that a caller such as device-code polling can read the error.
/// </summary>
/// <typeparam name="T">The successful answer's type.</typeparam>
internal sealed class PipelineResult<T>
    where T : class
{
    private PipelineResult(T? value, AuthException? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>Gets the successful answer, when there is one.</summary>
    public T? Value { get; }

    /// <summary>Gets the error, when the call failed.</summary>
    public AuthException? Error { get; }

    /// <summary>Gets the OAuth <c>error</c> code the authority answered, if it did.</summary>
    public string? OAuthError => (Error as AuthServiceException)?.Error;

    public static PipelineResult<T> Success(T value) => new(value, null);

    public static PipelineResult<T> Failure(AuthException error) => new(null, error);

    /// <summary>Returns the answer or throws the error.</summary>
    public T GetOrThrow() => Value ?? throw Error!;
}
