using System.Globalization;
using Auth.Common.Errors;

namespace Auth.Common.Jwt;

/// <summary>
/// Checks an ID token received from the token endpoint: readable, not unsigned, for this client,
/// not expired, and carrying the nonce the app sent (OpenID Connect Core 1.0 section 3.1.3.7).
/// </summary>
internal static class IdTokenValidator
{
    public static Dictionary<string, string> Validate(string idToken, string clientId, string? expectedNonce, DateTimeOffset now, TimeSpan skew)
    {
        var claims = JwtPayload.TryRead(idToken) ?? throw Invalid("is not a readable JWT");
        if (JwtHeader.TryReadAlgorithm(idToken) is not { Length: > 0 } alg || alg.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("is unsigned (alg none)");
        }

        if (!claims.TryGetValue("aud", out var audience) || !AudienceContains(audience, clientId))
        {
            throw Invalid("is not issued to this client id (aud)");
        }

        // Compared in (double) seconds: exp may be any JSON number (RFC 7519 NumericDate allows fractions), so no DateTimeOffset overflow.
        if (claims.TryGetValue("exp", out var expText)
            && double.TryParse(expText, NumberStyles.Float, CultureInfo.InvariantCulture, out var exp)
            && exp + skew.TotalSeconds < now.ToUnixTimeSeconds())
        {
            throw Invalid("has expired (exp)");
        }

        if (expectedNonce is not null && (!claims.TryGetValue("nonce", out var nonce) || nonce != expectedNonce))
        {
            throw new AuthClientException(
                AuthErrorCodes.NonceMismatch,
                "The ID token's nonce is not the one sent with the authorization request; the token may be replayed. Start the sign-in again.");
        }

        return claims;
    }

    private static bool AudienceContains(string audience, string clientId) =>
        audience == clientId
        || (audience.StartsWith('[') && audience.Contains($"\"{clientId}\"", StringComparison.Ordinal));

    private static AuthClientException Invalid(string problem) =>
        new(AuthErrorCodes.InvalidIdToken, $"The ID token {problem}. Check the authority and client id, then sign in again.");
}
