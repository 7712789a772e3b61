using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Auth.Common.Platform;

namespace Auth.Common.Tests.TestDoubles;

/// <summary>Random values and hashing for flow tests; signing is not needed by the flows under test.</summary>
internal sealed class TestCrypto : ICryptoProvider
{
    public string CreateRandomValue() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public string Sha256Base64Url(string value) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public string SignJwt(ReadOnlySpan<byte> headerJson, ReadOnlySpan<byte> payloadJson, X509Certificate2 certificate, JwtSigningAlgorithm algorithm) =>
        throw new NotSupportedException();
}
