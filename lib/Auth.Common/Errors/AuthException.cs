namespace Auth.Common.Errors;

/// <summary>
/// Base type of every exception the Auth libraries throw for a failed token operation.
/// <see cref="Code"/> is a stable string from <see cref="AuthErrorCodes"/> (or the authority's
/// OAuth error) that apps can switch on; the message says what went wrong and what to do.
/// </summary>
public class AuthException : Exception
{
    /// <summary>Creates an exception with a stable code and a message.</summary>
    /// <param name="code">A stable error code, usually one of <see cref="AuthErrorCodes"/>.</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public AuthException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
    }

    /// <summary>Gets the stable error code.</summary>
    public string Code { get; }

    /// <summary>Gets the correlation id of the request that failed, when one was sent.</summary>
    public Guid? CorrelationId { get; init; }
}
