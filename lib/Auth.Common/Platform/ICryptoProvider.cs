using System.Security.Cryptography.X509Certificates;

namespace Auth.Common.Platform;

/// <summary>The cryptography the protocol needs: random values, hashing and JWT signing.</summary>
public interface ICryptoProvider
{
    /// <summary>Creates a URL-safe random value with at least 256 bits of entropy (state, nonce, jti, PKCE verifier).</summary>
    /// <returns>A base64url string without padding.</returns>
    string CreateRandomValue();

    /// <summary>Hashes the UTF-8 bytes of <paramref name="value"/> with SHA-256.</summary>
    /// <param name="value">The text to hash.</param>
    /// <returns>The base64url hash without padding.</returns>
    string Sha256Base64Url(string value);

    /// <summary>Signs a JWT whose header and payload are given as UTF-8 JSON.</summary>
    /// <param name="headerJson">The JOSE header; its <c>alg</c> must match <paramref name="algorithm"/>.</param>
    /// <param name="payloadJson">The claims.</param>
    /// <param name="certificate">A certificate with an RSA private key.</param>
    /// <param name="algorithm">The signing algorithm.</param>
    /// <returns>The compact serialization <c>header.payload.signature</c>.</returns>
    string SignJwt(ReadOnlySpan<byte> headerJson, ReadOnlySpan<byte> payloadJson, X509Certificate2 certificate, JwtSigningAlgorithm algorithm);
}
