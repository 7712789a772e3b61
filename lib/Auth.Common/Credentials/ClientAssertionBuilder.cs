using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Auth.Common.Jwt;
using Auth.Common.Platform;

namespace Auth.Common.Credentials;

/// <summary>
/// Builds and signs a client assertion (RFC 7523, <c>private_key_jwt</c>): aud = token endpoint,
/// iss = sub = client id, a unique jti, nbf = iat = now, exp = now + 10 minutes.
/// </summary>
internal static class ClientAssertionBuilder
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static string Build(
        ClientAuthenticationContext context,
        X509Certificate2 certificate,
        bool sendX5c,
        JwtSigningAlgorithm algorithm,
        ICryptoProvider crypto,
        TimeProvider time)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var header = new JwtHeaderJson
        {
            Algorithm = algorithm.ToString(),
            ThumbprintSha256 = Base64Url(certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256)),
            ThumbprintSha1 = Base64Url(certificate.GetCertHash()),
            CertificateChain = sendX5c ? [Convert.ToBase64String(certificate.RawData)] : null,
        };
        var claims = new ClientAssertionClaimsJson
        {
            Audience = context.TokenEndpoint.GetLeftPart(UriPartial.Path),
            Issuer = context.ClientId,
            Subject = context.ClientId,
            JwtId = crypto.CreateRandomValue(),
            NotBefore = now,
            IssuedAt = now,
            Expires = now + (long)Lifetime.TotalSeconds,
        };
        var headerJson = JsonSerializer.SerializeToUtf8Bytes(header, CredentialsJsonContext.Default.JwtHeaderJson);
        var claimsJson = JsonSerializer.SerializeToUtf8Bytes(claims, CredentialsJsonContext.Default.ClientAssertionClaimsJson);
        return crypto.SignJwt(headerJson, claimsJson, certificate, algorithm);
    }

    /// <summary>
    /// Picks the algorithm: the app's choice; else the mode's preference (PS256 for Entra ID,
    /// RS256, the one every OpenID Provider must accept, elsewhere) unless the authority's
    /// discovery document lists only the other one.
    /// </summary>
    public static JwtSigningAlgorithm ChooseAlgorithm(JwtSigningAlgorithm? configured, ClientAuthenticationContext context)
    {
        if (configured is { } chosen)
        {
            return chosen;
        }

        var preferred = context.Mode == Authority.ProtocolMode.AzureAD ? JwtSigningAlgorithm.PS256 : JwtSigningAlgorithm.RS256;
        var other = preferred == JwtSigningAlgorithm.PS256 ? JwtSigningAlgorithm.RS256 : JwtSigningAlgorithm.PS256;
        var advertised = context.SigningAlgorithms;
        return advertised.Count > 0
            && !advertised.Contains(preferred.ToString(), StringComparer.Ordinal)
            && advertised.Contains(other.ToString(), StringComparer.Ordinal)
                ? other
                : preferred;
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
