namespace Auth.Common.Errors;

/// <summary>
/// A problem detected locally, before or without the authority's involvement: invalid
/// configuration or input, an unreachable network, a response the library could not read.
/// </summary>
public class AuthClientException : AuthException
{
    /// <inheritdoc cref="AuthException(string, string, Exception?)"/>
    public AuthClientException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
