namespace Auth.Common.Errors;

/// <summary>
/// Base type of every exception the Auth libraries throw for a failed token operation.
/// <see cref="Code"/> is a stable string from <see cref="AuthErrorCodes"/> (or the authority's
/// OAuth error) that apps can switch on; the message says what went wrong and what to do.
/// </summary>
public class AuthException : Exception
{
    private const string NotReplayedNote =
        "The request was not sent again: it carried a single-use grant or a user credential that the authority may already have redeemed, " +
        "and a replay can revoke the whole refresh-token family. Start the operation again (a silent call uses what the cache holds; an authorization code needs a new sign-in).";

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

    /// <summary>
    /// Gets whether the request failed in a way that is usually worth a retry (a 5xx answer or a
    /// timeout) but was not sent again because it carried a single-use grant or a user credential (an
    /// authorization code, a refresh token, a device code, a user assertion, a password): the
    /// authority may already have redeemed it, and a replay can revoke a whole refresh-token family.
    /// <see cref="Code"/> stays the failure's own. Start the operation again rather than replaying the
    /// same grant: a silent call uses whatever the cache holds; an authorization code needs a new sign-in.
    /// </summary>
    public bool GrantNotReplayed { get; internal set; }

    /// <summary>Gets the message; when <see cref="GrantNotReplayed"/> is set it also says why the request was not retried.</summary>
    public override string Message => GrantNotReplayed ? $"{base.Message} {NotReplayedNote}" : base.Message;
}
