using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Auth.Common.Errors;
using Auth.Common.Platform;
using Auth.Server.Crypto;
using Auth.Server.Tests.TestDoubles;

namespace Auth.Server.Tests.Crypto;

[TestFixture]
public sealed class CryptoProviderTests
{
    private readonly CryptoProvider _crypto = new();

    [Test]
    public void CreateRandomValue_Is256BitBase64UrlAndUnique()
    {
        var values = Enumerable.Range(0, 100).Select(_ => _crypto.CreateRandomValue()).ToList();

        values.Should().OnlyHaveUniqueItems();
        values.Should().AllSatisfy(v => Base64Url.DecodeFromChars(v).Should().HaveCount(32));
    }

    [Test]
    public void Sha256Base64Url_MatchesRfc7636AppendixB()
    {
        _crypto.Sha256Base64Url("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
            .Should().Be("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    [TestCase(JwtSigningAlgorithm.PS256)]
    [TestCase(JwtSigningAlgorithm.RS256)]
    public void SignJwt_SignatureVerifiesWithThePublicKey(JwtSigningAlgorithm algorithm)
    {
        using var certificate = TestCertificates.CreateRsa();

        var jwt = _crypto.SignJwt("""{"alg":"x"}"""u8, """{"a":1}"""u8, certificate, algorithm);

        var parts = jwt.Split('.');
        parts.Should().HaveCount(3);
        Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Should().Be("""{"a":1}""");
        using var rsa = certificate.GetRSAPublicKey()!;
        var padding = algorithm == JwtSigningAlgorithm.PS256 ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, padding)
            .Should().BeTrue();
    }

    [Test]
    public void SignJwt_CertificateWithoutPrivateKey_IsInvalidCertificate()
    {
        using var full = TestCertificates.CreateRsa();
        using var publicOnly = TestCertificates.PublicOnly(full);

        var act = () => _crypto.SignJwt("{}"u8, "{}"u8, publicOnly, JwtSigningAlgorithm.PS256);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidCertificate);
    }
}
