namespace Auth.Testing.Errors;

/// <summary>An Entra ID (AADSTS) error: HTTP status, OAuth error code, AADSTS number and message.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Error">The OAuth 2.0 <c>error</c> value, e.g. <c>invalid_client</c>.</param>
/// <param name="Code">The AADSTS number, e.g. 7000215; <see cref="PlainOAuth"/> for an error rendered without Entra's fields.</param>
/// <param name="Message">The human-readable message, without the <c>AADSTS…:</c> prefix or trace footer.</param>
internal sealed record AadError(int StatusCode, string Error, int Code, string Message)
{
    /// <summary>The <see cref="Code"/> of an error another provider answers: only <c>error</c> and <c>error_description</c>.</summary>
    public const int PlainOAuth = 0;
}
