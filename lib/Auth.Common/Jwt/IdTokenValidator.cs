using System.Globalization;
using System.Text.Json;
using Auth.Common.Errors;

namespace Auth.Common.Jwt;

/// <summary>
/// Checks an ID token received from the token endpoint (OpenID Connect Core 1.0 section 3.1.3.7): readable, not
/// unsigned, from the authority's issuer (<c>iss</c>), for this client (<c>aud</c> a string or an array of strings;
/// <c>azp</c>, when present or when there are several audiences, this client), with a numeric <c>exp</c> not past,
/// and carrying the nonce the app sent. The signature is not checked: the token came over TLS from the token endpoint.
/// </summary>
internal static class IdTokenValidator
{
    /// <param name="idToken">The ID token.</param>
    /// <param name="clientId">This client's id.</param>
    /// <param name="expectedIssuer">The <c>issuer</c> of the authority's discovery document (may hold Entra's <c>{tenantid}</c>).</param>
    /// <param name="expectedNonce">The nonce sent in the authorization request, if any.</param>
    /// <param name="now">The current time.</param>
    /// <param name="skew">The clock skew allowed on <c>exp</c>.</param>
    public static Dictionary<string, string> Validate(string idToken, string clientId, string expectedIssuer, string? expectedNonce, DateTimeOffset now, TimeSpan skew)
    {
        var kinds = new Dictionary<string, JsonValueKind>(StringComparer.Ordinal);
        var claims = JwtPayload.TryRead(idToken, kinds) ?? throw Invalid("is not a readable JWT");
        if (JwtHeader.TryReadAlgorithm(idToken) is not { Length: > 0 } alg || alg.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("is unsigned (alg none)");
        }

        if (StringClaim(claims, kinds, "iss") is not { } issuer
            || !IdTokenIssuer.Matches(issuer, StringClaim(claims, kinds, "tid"), expectedIssuer))
        {
            throw Invalid("is not from the authority's issuer (iss)");
        }

        CheckAudience(claims, kinds, clientId);
        CheckExpiry(claims, kinds, now, skew);
        if (expectedNonce is not null && StringClaim(claims, kinds, "nonce") != expectedNonce)
        {
            throw new AuthClientException(
                AuthErrorCodes.NonceMismatch,
                "The ID token's nonce is not the one sent with the authorization request; the token may be replayed. Start the sign-in again.");
        }

        return claims;
    }

    private static void CheckAudience(Dictionary<string, string> claims, Dictionary<string, JsonValueKind> kinds, string clientId)
    {
        var audiences = claims.TryGetValue("aud", out var audience) ? JwtAudience.TryRead(audience, kinds["aud"]) : null;
        if (audiences is null || !audiences.Contains(clientId, StringComparer.Ordinal))
        {
            throw Invalid("is not issued to this client id (aud)");
        }

        var authorizedParty = StringClaim(claims, kinds, "azp");
        if ((claims.ContainsKey("azp") || audiences.Count > 1) && authorizedParty != clientId)
        {
            throw Invalid("is issued to several audiences or another authorized party, not to this client id (azp)");
        }
    }

    // Compared in (double) seconds: exp may be any JSON number (RFC 7519 NumericDate allows fractions), so no DateTimeOffset overflow.
    private static void CheckExpiry(Dictionary<string, string> claims, Dictionary<string, JsonValueKind> kinds, DateTimeOffset now, TimeSpan skew)
    {
        if (!claims.TryGetValue("exp", out var expText) || kinds["exp"] != JsonValueKind.Number
            || !double.TryParse(expText, NumberStyles.Float, CultureInfo.InvariantCulture, out var exp))
        {
            throw Invalid("has no numeric expiry (exp)");
        }

        if (exp + skew.TotalSeconds < now.ToUnixTimeSeconds())
        {
            throw Invalid("has expired (exp)");
        }
    }

    private static string? StringClaim(Dictionary<string, string> claims, Dictionary<string, JsonValueKind> kinds, string name) =>
        kinds.GetValueOrDefault(name) == JsonValueKind.String ? claims[name] : null;

    private static AuthClientException Invalid(string problem) =>
        new(AuthErrorCodes.InvalidIdToken, $"The ID token {problem}. Check the authority and client id, then sign in again.");
}
