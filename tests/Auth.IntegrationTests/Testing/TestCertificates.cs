using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Auth.IntegrationTests.Testing;

/// <summary>Self-signed client certificates (with private keys) for private_key_jwt tests, made once per run.</summary>
internal static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> LazyClient = new(() => Create("CN=fake-authority-test-client"));
    private static readonly Lazy<X509Certificate2> LazyOther = new(() => Create("CN=fake-authority-other-client"));

    public static X509Certificate2 Client => LazyClient.Value;

    public static X509Certificate2 Other => LazyOther.Value;

    private static X509Certificate2 Create(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }
}
