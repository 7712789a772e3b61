using Auth.Common.Errors;

namespace Auth.Common.Protocol;

/// <summary>
/// What a token endpoint call produced: a token response, or the error to report. Protocol
/// clients return this instead of throwing for an OAuth error answer (RFC 6749 section 5.2).
/// </summary>
internal sealed class TokenResult
{
    private TokenResult(TokenResponseJson? token, AuthServiceException? error)
    {
        Token = token;
        Error = error;
    }

    /// <summary>Gets the successful response, when there is one.</summary>
    public TokenResponseJson? Token { get; }

    /// <summary>Gets the error, when the call failed.</summary>
    public AuthServiceException? Error { get; }

    public static TokenResult Success(TokenResponseJson token) => new(token, null);

    public static TokenResult Failure(AuthServiceException error) => new(null, error);

    /// <summary>Returns the token response or throws the error.</summary>
    public TokenResponseJson GetTokenOrThrow() => Token ?? throw Error!;
}
