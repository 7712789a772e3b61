namespace Auth.Common.Errors;

/// <summary>
/// The authority needs the user: to sign in again, consent, or satisfy a policy such as MFA.
/// Apps catch this from silent calls and fall back to an interactive flow.
/// </summary>
public sealed class InteractionRequiredException : AuthServiceException
{
    /// <summary>Gets what the user must do, from the authority's <c>suberror</c>: <c>basic_action</c>, <c>additional_action</c>, <c>message_only</c>, <c>consent_required</c>, <c>user_password_expired</c>, or <c>none</c>.</summary>
    public string Classification => string.IsNullOrEmpty(SubError) ? "none" : SubError;

    /// <inheritdoc cref="AuthException(string, string, Exception?)"/>
    public InteractionRequiredException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
