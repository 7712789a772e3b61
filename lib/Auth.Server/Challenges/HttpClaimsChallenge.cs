using System.Net.Http.Headers;
using Auth.Common.Challenges;

namespace Auth.Server;

/// <summary>
/// Reads the claims challenge of a downstream API's answer with <see cref="System.Net.Http"/> types (the parser
/// itself is <see cref="ClaimsChallenge"/>, in Auth.Common). Pass the result as the next request's <c>Claims</c>.
/// </summary>
public static class HttpClaimsChallenge
{
    private const string WwwAuthenticate = "WWW-Authenticate";

    /// <summary>
    /// Returns the claims JSON of the response's <c>WWW-Authenticate</c> challenges (any status; resources send
    /// them with 401), or null when there is none. The raw header values are read, so a challenge .NET's own
    /// header parser would reject is still seen.
    /// </summary>
    /// <param name="response">The downstream API's response.</param>
    /// <returns>The decoded claims JSON, or null.</returns>
    /// <exception cref="Common.Errors.AuthClientException">Code <see cref="Common.Errors.AuthErrorCodes.InvalidClaimsChallenge"/>: the challenge is malformed.</exception>
    public static string? FromResponse(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.NonValidated.TryGetValues(WwwAuthenticate, out var values)
            ? ClaimsChallenge.FromWwwAuthenticate(values)
            : null;
    }

    /// <summary>Returns the claims JSON of already parsed challenges (for example <c>response.Headers.WwwAuthenticate</c>), or null.</summary>
    /// <param name="challenges">The challenges.</param>
    /// <returns>The decoded claims JSON, or null.</returns>
    /// <exception cref="Common.Errors.AuthClientException">Code <see cref="Common.Errors.AuthErrorCodes.InvalidClaimsChallenge"/>: the challenge is malformed.</exception>
    public static string? FromWwwAuthenticate(HttpHeaderValueCollection<AuthenticationHeaderValue> challenges)
    {
        ArgumentNullException.ThrowIfNull(challenges);
        return ClaimsChallenge.FromWwwAuthenticate(challenges.Select(c => c.Parameter is null ? c.Scheme : $"{c.Scheme} {c.Parameter}"));
    }
}
