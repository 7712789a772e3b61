using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Auth.Testing.Http;

namespace Auth.Testing.Jwt;

/// <summary>A fake's RSA token-signing key, its self-signed certificate and its JWKS form.</summary>
internal sealed class SigningKey : IDisposable
{
    private readonly RSA _privateKey;

    /// <summary>A fresh 2048-bit key named by its certificate's thumbprint.</summary>
    public SigningKey()
        : this(null, null)
    {
    }

    /// <param name="source">A private key to copy (the caller keeps ownership of it); a fresh 2048-bit key when <see langword="null"/>.</param>
    /// <param name="keyId">The <c>kid</c>; the base64url SHA-1 thumbprint of the key's self-signed certificate when <see langword="null"/>.</param>
    public SigningKey(RSA? source, string? keyId)
    {
        _privateKey = source is null ? RSA.Create(2048) : RSA.Create(source.ExportParameters(includePrivateParameters: true));
        var request = new CertificateRequest("CN=Auth.Testing token signing", _privateKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        var parameters = _privateKey.ExportParameters(includePrivateParameters: false);

        PublicKey = RSA.Create(parameters);
        KeyId = keyId ?? Base64Url.EncodeToString(certificate.GetCertHash());
        JwksJson = JsonText.Object(writer =>
        {
            writer.WriteStartArray("keys");
            writer.WriteStartObject();
            writer.WriteString("kty", "RSA");
            writer.WriteString("use", "sig");
            writer.WriteString("alg", "RS256");
            writer.WriteString("kid", KeyId);
            writer.WriteString("x5t", KeyId);
            writer.WriteString("n", Base64Url.EncodeToString(parameters.Modulus));
            writer.WriteString("e", Base64Url.EncodeToString(parameters.Exponent));
            writer.WriteStartArray("x5c");
            writer.WriteStringValue(Convert.ToBase64String(certificate.RawData));
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
        });
    }

    /// <summary>The key id (<c>kid</c>), Entra-style: the base64url SHA-1 thumbprint of the signing certificate.</summary>
    public string KeyId { get; }

    /// <summary>The private key, for another fake that signs with it (it copies it). Owned by this instance.</summary>
    public RSA PrivateKey => _privateKey;

    /// <summary>The public half of the key.</summary>
    public RSA PublicKey { get; }

    /// <summary>The JSON Web Key Set served at the <c>jwks_uri</c>.</summary>
    public string JwksJson { get; }

    /// <summary>RS256: RSASSA-PKCS1-v1_5 with SHA-256.</summary>
    public byte[] SignRs256(ReadOnlySpan<byte> data) =>
        _privateKey.SignData(data.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>Whether <paramref name="signature"/> is this key's RS256 signature of <paramref name="data"/>.</summary>
    public bool VerifyRs256(byte[] data, byte[] signature) =>
        PublicKey.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public void Dispose()
    {
        _privateKey.Dispose();
        PublicKey.Dispose();
    }
}
