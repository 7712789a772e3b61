using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Auth.Common.Authority;
using Auth.Common.Credentials;
using Auth.Common.Platform;
using Auth.Server.Crypto;
using Auth.Server.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Server.Tests.Crypto;

[TestFixture]
public sealed class ClientAssertionTests
{
    private static readonly Uri TokenEndpoint = new("https://login.example.com/t1/oauth2/v2.0/token");

    private static ClientAuthenticationContext Context(ProtocolMode mode = ProtocolMode.AzureAD, params string[] algorithms) =>
        new("client-1", TokenEndpoint, "t1", null, mode, algorithms, []);

    private static (JsonElement Header, JsonElement Claims) Decode(string jwt)
    {
        var parts = jwt.Split('.');
        return (JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement, JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement);
    }

    [Test]
    public void Build_HeaderAndClaims_FollowRfc7523AndEntra()
    {
        using var certificate = TestCertificates.CreateRsa();
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

        var jwt = ClientAssertionBuilder.Build(Context(), certificate, sendX5c: false, JwtSigningAlgorithm.PS256, new CryptoProvider(), time);

        var (header, claims) = Decode(jwt);
        header.GetProperty("alg").GetString().Should().Be("PS256");
        header.GetProperty("typ").GetString().Should().Be("JWT");
        header.GetProperty("x5t#S256").GetString().Should().Be(Base64Url.EncodeToString(SHA256.HashData(certificate.RawData)));
        header.TryGetProperty("x5c", out _).Should().BeFalse();
        claims.GetProperty("aud").GetString().Should().Be(TokenEndpoint.AbsoluteUri);
        claims.GetProperty("iss").GetString().Should().Be("client-1");
        claims.GetProperty("sub").GetString().Should().Be("client-1");
        claims.GetProperty("jti").GetString().Should().NotBeNullOrEmpty();
        claims.GetProperty("iat").GetInt64().Should().Be(1_800_000_000);
        claims.GetProperty("nbf").GetInt64().Should().Be(1_800_000_000);
        claims.GetProperty("exp").GetInt64().Should().Be(1_800_000_600);
    }

    [Test]
    public void Build_SendX5c_PutsTheCertificateInTheHeader()
    {
        using var certificate = TestCertificates.CreateRsa();

        var jwt = ClientAssertionBuilder.Build(Context(), certificate, sendX5c: true, JwtSigningAlgorithm.RS256, new CryptoProvider(), TimeProvider.System);

        var (header, _) = Decode(jwt);
        header.GetProperty("alg").GetString().Should().Be("RS256");
        header.GetProperty("x5c")[0].GetString().Should().Be(Convert.ToBase64String(certificate.RawData));
    }

    [Test]
    public void Build_TwoAssertions_HaveDifferentJti()
    {
        using var certificate = TestCertificates.CreateRsa();
        var crypto = new CryptoProvider();

        var a = Decode(ClientAssertionBuilder.Build(Context(), certificate, false, JwtSigningAlgorithm.PS256, crypto, TimeProvider.System)).Claims;
        var b = Decode(ClientAssertionBuilder.Build(Context(), certificate, false, JwtSigningAlgorithm.PS256, crypto, TimeProvider.System)).Claims;

        a.GetProperty("jti").GetString().Should().NotBe(b.GetProperty("jti").GetString());
    }

    [TestCase(ProtocolMode.AzureAD, "", JwtSigningAlgorithm.PS256)]
    [TestCase(ProtocolMode.AzureAD, "RS256,PS256", JwtSigningAlgorithm.PS256)]
    [TestCase(ProtocolMode.AzureAD, "RS256", JwtSigningAlgorithm.RS256)]
    [TestCase(ProtocolMode.Oidc, "", JwtSigningAlgorithm.RS256)]
    [TestCase(ProtocolMode.Oidc, "RS256,PS256,ES256", JwtSigningAlgorithm.RS256)]
    [TestCase(ProtocolMode.Oidc, "PS256,ES256", JwtSigningAlgorithm.PS256)]
    public void ChooseAlgorithm_FollowsDiscoveryThenMode(ProtocolMode mode, string advertised, JwtSigningAlgorithm expected)
    {
        var algorithms = advertised.Split(',', StringSplitOptions.RemoveEmptyEntries);

        ClientAssertionBuilder.ChooseAlgorithm(null, Context(mode, algorithms)).Should().Be(expected);
    }

    [Test]
    public void ChooseAlgorithm_AppChoice_Wins()
    {
        ClientAssertionBuilder.ChooseAlgorithm(JwtSigningAlgorithm.RS256, Context(ProtocolMode.AzureAD, "PS256")).Should().Be(JwtSigningAlgorithm.RS256);
    }
}
