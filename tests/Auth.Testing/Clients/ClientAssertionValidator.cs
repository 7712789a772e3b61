using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Auth.Testing.Jwt;

namespace Auth.Testing.Clients;

/// <summary>
/// Validates a private_key_jwt client assertion (RFC 7523 §3, as Entra ID does): RS256/PS256 signature by a
/// registered certificate named by <c>x5t#S256</c> (or <c>x5t</c>), <c>aud</c> = token endpoint,
/// <c>iss</c> = <c>sub</c> = client id, <c>exp</c>/<c>nbf</c> within a 5 minute skew, and a <c>jti</c>.
/// </summary>
internal static class ClientAssertionValidator
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <returns><see langword="null"/> when valid; otherwise why not (never containing key material).</returns>
    public static string? Validate(string assertion, RegisteredClient client, string audience, DateTimeOffset now)
    {
        if (!CompactJwt.TryParse(assertion, out var jwt))
        {
            return "the client assertion is not a well-formed signed JWT.";
        }

        var alg = jwt.HeaderString("alg");
        RSASignaturePadding? padding = alg switch
        {
            "RS256" => RSASignaturePadding.Pkcs1,
            "PS256" => RSASignaturePadding.Pss,
            _ => null,
        };
        if (padding is null)
        {
            return $"the signing algorithm '{alg}' is not supported; use RS256 or PS256.";
        }

        var certificate = FindCertificate(jwt, client, out var keyProblem);
        if (certificate is null)
        {
            return keyProblem;
        }

        using (var key = certificate.GetRSAPublicKey())
        {
            if (key is null || !key.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, padding))
            {
                return "the signature does not verify with the registered certificate.";
            }
        }

        return CheckClaims(jwt, client.ClientId, audience, now);
    }

    private static X509Certificate2? FindCertificate(CompactJwt jwt, RegisteredClient client, out string problem)
    {
        var sha256 = jwt.HeaderString("x5t#S256");
        var sha1 = jwt.HeaderString("x5t");
        problem = sha256 is null && sha1 is null
            ? "the header has neither an 'x5t#S256' nor an 'x5t' certificate thumbprint."
            : $"the certificate with identifier '{sha256 ?? sha1}' used to sign the client assertion is not registered on application '{client.ClientId}'.";
        foreach (var certificate in client.Certificates)
        {
            var matches = sha256 is not null
                ? sha256 == Base64Url.EncodeToString(SHA256.HashData(certificate.RawData))
                : sha1 == Base64Url.EncodeToString(certificate.GetCertHash());
            if (matches)
            {
                return certificate;
            }
        }

        return null;
    }

    private static string? CheckClaims(CompactJwt jwt, string clientId, string audience, DateTimeOffset now)
    {
        if (jwt.ClaimString("iss") != clientId || jwt.ClaimString("sub") != clientId)
        {
            return $"the 'iss' and 'sub' claims must both be the client id '{clientId}'.";
        }

        if (!HasAudience(jwt.Payload, audience))
        {
            return $"the 'aud' claim must be the token endpoint '{audience}'.";
        }

        var expires = jwt.ClaimTime("exp");
        if (expires is null || expires.Value + Skew <= now)
        {
            return expires is null
                ? "the 'exp' claim is missing."
                : $"the client assertion expired at {expires.Value.ToString("u", CultureInfo.InvariantCulture)}.";
        }

        var notBefore = jwt.ClaimTime("nbf");
        if (notBefore is not null && notBefore.Value - Skew > now)
        {
            return $"the client assertion is not valid before {notBefore.Value.ToString("u", CultureInfo.InvariantCulture)}.";
        }

        return string.IsNullOrEmpty(jwt.ClaimString("jti")) ? "the 'jti' claim is missing." : null;
    }

    private static bool HasAudience(JsonElement payload, string audience)
    {
        if (!payload.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => aud.GetString() == audience,
            JsonValueKind.Array => aud.EnumerateArray().Any(item => item.ValueKind == JsonValueKind.String && item.GetString() == audience),
            _ => false,
        };
    }
}
