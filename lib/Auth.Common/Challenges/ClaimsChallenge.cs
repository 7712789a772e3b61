namespace Auth.Common.Challenges;

/// <summary>
/// Reads the claims challenge a resource sends when a token is not enough (Conditional Access,
/// continuous access evaluation): a <c>401</c> with
/// <c>WWW-Authenticate: Bearer error="insufficient_claims", claims="&lt;base64 JSON&gt;"</c>. Pass the
/// returned JSON as the next token request's <c>Claims</c>; the library merges the app's client
/// capabilities into it and skips the cached token.
/// </summary>
/// <example>
/// With Auth.Server, <c>HttpClaimsChallenge.FromResponse(response)</c> reads an <c>HttpResponseMessage</c>:
/// <code>
/// if (response.StatusCode == HttpStatusCode.Unauthorized
///     &amp;&amp; ClaimsChallenge.FromWwwAuthenticate(response.Headers.GetValues("WWW-Authenticate")) is { } claims)
/// {
///     token = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = scopes, Account = account, Claims = claims });
/// }
/// </code>
/// </example>
public static class ClaimsChallenge
{
    private const string InsufficientClaims = "insufficient_claims";

    /// <summary>
    /// Returns the claims JSON of the first challenge (any scheme, for example <c>Bearer</c> or <c>PoP</c>)
    /// that carries a <c>claims</c> parameter and whose <c>error</c> is <c>insufficient_claims</c> or absent;
    /// null when there is none (or <paramref name="headerValue"/> is null or empty).
    /// </summary>
    /// <param name="headerValue">The <c>WWW-Authenticate</c> header value; it may hold several challenges.</param>
    /// <returns>The decoded claims JSON (a JSON object), or null.</returns>
    /// <exception cref="Errors.AuthClientException">
    /// Code <see cref="Errors.AuthErrorCodes.InvalidClaimsChallenge"/>: the header is malformed (an unterminated
    /// quoted string, a parameter before any scheme), or the claims are not base64 of a JSON object.
    /// </exception>
    public static string? FromWwwAuthenticate(string? headerValue) =>
        string.IsNullOrWhiteSpace(headerValue) ? null : Find(WwwAuthenticateParser.Parse(headerValue));

    /// <summary>
    /// Returns the claims JSON from the values of every <c>WWW-Authenticate</c> header of one response
    /// (a response may repeat the header, one challenge each), as <see cref="FromWwwAuthenticate(string?)"/> does.
    /// </summary>
    /// <param name="headerValues">The header values, for example <c>response.Headers.GetValues("WWW-Authenticate")</c>.</param>
    /// <returns>The decoded claims JSON (a JSON object), or null.</returns>
    /// <exception cref="Errors.AuthClientException">Code <see cref="Errors.AuthErrorCodes.InvalidClaimsChallenge"/>: a header value or the claims are malformed.</exception>
    public static string? FromWwwAuthenticate(IEnumerable<string?>? headerValues)
    {
        if (headerValues is null)
        {
            return null;
        }

        foreach (var value in headerValues)
        {
            if (FromWwwAuthenticate(value) is { } claims)
            {
                return claims;
            }
        }

        return null;
    }

    private static string? Find(List<AuthenticationChallenge> challenges)
    {
        foreach (var challenge in challenges)
        {
            var error = challenge.Parameter("error");
            if (challenge.Parameter("claims") is { } claims
                && (error is null || string.Equals(error, InsufficientClaims, StringComparison.OrdinalIgnoreCase)))
            {
                return ClaimsChallengeDecoder.Decode(claims);
            }
        }

        return null;
    }
}
