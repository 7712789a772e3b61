using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Auth.Common.Errors;
using Auth.Common.Platform;

namespace Auth.Server.Crypto;

/// <summary><see cref="ICryptoProvider"/> on System.Security.Cryptography.</summary>
public sealed class CryptoProvider : ICryptoProvider
{
    /// <inheritdoc/>
    public string CreateRandomValue() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <inheritdoc/>
    public string Sha256Base64Url(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        const int StackLimit = 2048;
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var rented = byteCount > StackLimit ? System.Buffers.ArrayPool<byte>.Shared.Rent(byteCount) : null;
        try
        {
            Span<byte> utf8 = rented is null ? stackalloc byte[byteCount] : rented;
            var length = Encoding.UTF8.GetBytes(value, utf8);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..length], hash);
            return Base64Url.EncodeToString(hash);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    /// <inheritdoc/>
    public string SignJwt(ReadOnlySpan<byte> headerJson, ReadOnlySpan<byte> payloadJson, X509Certificate2 certificate, JwtSigningAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var signingInput = $"{Base64Url.EncodeToString(headerJson)}.{Base64Url.EncodeToString(payloadJson)}";
        var padding = algorithm == JwtSigningAlgorithm.PS256 ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        try
        {
            using var rsa = certificate.GetRSAPrivateKey() ?? throw new AuthClientException(
                AuthErrorCodes.InvalidCertificate,
                "The client certificate has no RSA private key. Load the certificate with its private key (for example from a PFX), and use an RSA key.");
            var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, padding);
            return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
        }
        catch (CryptographicException ex)
        {
            throw new AuthClientException(
                AuthErrorCodes.InvalidCertificate,
                "The client certificate's private key could not sign the client assertion. Check that the key is usable by this process and is RSA 2048 bits or larger.",
                ex);
        }
    }
}
