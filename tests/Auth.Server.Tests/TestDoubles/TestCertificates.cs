using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Auth.Server.Tests.TestDoubles;

/// <summary>Self-signed certificates made on the fly for tests.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 CreateRsa(string subject = "CN=auth-tests", int keySize = 2048)
    {
        using var rsa = RSA.Create(keySize);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }

    public static X509Certificate2 PublicOnly(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);
}
