using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Auth.IntegrationTests.Testing;

/// <summary>Builds RFC 7523 client assertions the way a client library would, independently of the fake authority.</summary>
internal static class ClientAssertions
{
    public static string Create(
        X509Certificate2 certificate,
        string clientId,
        string audience,
        string algorithm = "RS256",
        DateTimeOffset? expires = null,
        bool useSha1Thumbprint = false,
        X509Certificate2? signedBy = null,
        string? issuer = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var header = new Dictionary<string, object> { ["alg"] = algorithm, ["typ"] = "JWT" };
        if (useSha1Thumbprint)
        {
            header["x5t"] = Base64Url.EncodeToString(certificate.GetCertHash());
        }
        else
        {
            header["x5t#S256"] = Base64Url.EncodeToString(SHA256.HashData(certificate.RawData));
        }

        var claims = new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["iss"] = issuer ?? clientId,
            ["sub"] = clientId,
            ["jti"] = Guid.NewGuid().ToString(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (expires ?? now.AddMinutes(10)).ToUnixTimeSeconds(),
        };

        var signingInput = Encode(header) + "." + Encode(claims);
        using var key = (signedBy ?? certificate).GetRSAPrivateKey()!;
        var padding = algorithm == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, padding);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static string Encode(Dictionary<string, object> value) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
