namespace Auth.Common.Platform;

/// <summary>The parameters of an authorization redirect (RFC 6749 sections 4.1.2 and 4.1.2.1, RFC 9207).</summary>
public sealed record AuthorizationResponse
{
    /// <summary>Gets the authorization code, when the sign-in succeeded.</summary>
    public string? Code { get; init; }

    /// <summary>Gets the state echoed by the authority.</summary>
    public string? State { get; init; }

    /// <summary>Gets the issuer that sent the response (<c>iss</c>, RFC 9207), when the authority sends one.</summary>
    public string? Issuer { get; init; }

    /// <summary>Gets the error, when the sign-in failed (for example <c>access_denied</c>).</summary>
    public string? Error { get; init; }

    /// <summary>Gets the error description, if any.</summary>
    public string? ErrorDescription { get; init; }

    /// <summary>Builds a response from the redirect's query parameters.</summary>
    /// <param name="parameters">The decoded query parameters.</param>
    /// <returns>The response.</returns>
    public static AuthorizationResponse From(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new()
        {
            Code = parameters.GetValueOrDefault("code"),
            State = parameters.GetValueOrDefault("state"),
            Issuer = parameters.GetValueOrDefault("iss"),
            Error = parameters.GetValueOrDefault("error"),
            ErrorDescription = parameters.GetValueOrDefault("error_description"),
        };
    }

    /// <summary>Describes the response without the code.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => Error is null ? "AuthorizationResponse { Code = (redacted) }" : $"AuthorizationResponse {{ Error = {Errors.ServerText.Code(Error)} }}";
}
