namespace Auth.Common.Errors;

/// <summary>
/// The authority needs the user: to sign in again, consent, or satisfy a policy such as MFA.
/// Apps catch this from silent calls and fall back to an interactive flow.
/// </summary>
public sealed class InteractionRequiredException : AuthServiceException
{
    /// <inheritdoc cref="AuthException(string, string, Exception?)"/>
    public InteractionRequiredException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
