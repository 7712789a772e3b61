using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Auth.Common.Platform;

namespace Auth.Common.Standalone.Tests;

/// <summary>This host's own <see cref="ICryptoProvider"/>: random values and SHA-256; it signs nothing (the client uses a secret).</summary>
internal sealed class HostCrypto : ICryptoProvider
{
    public string CreateRandomValue() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public string Sha256Base64Url(string value) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public string SignJwt(ReadOnlySpan<byte> headerJson, ReadOnlySpan<byte> payloadJson, X509Certificate2 certificate, JwtSigningAlgorithm algorithm) =>
        throw new NotSupportedException("This host signs no client assertions.");
}
