using Auth.Common.Errors;
using Auth.Common.Jwt;
using Auth.Common.Tests.TestDoubles;

namespace Auth.Common.Tests.Protocol;

[TestFixture]
public sealed class IdTokenValidatorTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private const string EntraTemplate = "https://login.example.com/{tenantid}/v2.0";

    private static Dictionary<string, string> Validate(string token, string? nonce = null, string issuer = EntraTemplate) =>
        IdTokenValidator.Validate(token, "client1", issuer, nonce, Now, TimeSpan.FromMinutes(5));

    /// <summary>A valid ID token's claims with <paramref name="changes"/> applied (a null value removes the claim).</summary>
    private static string Token(params (string Name, object? Value)[] changes)
    {
        var claims = new Dictionary<string, object?> { ["aud"] = "client1", ["iss"] = "https://login.example.com/tid-1/v2.0", ["tid"] = "tid-1", ["sub"] = "s", ["exp"] = 4_102_444_800 };
        foreach (var (name, value) in changes)
        {
            claims[name] = value;
        }

        return TestJwt.Create(claims.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!));
    }

    [Test]
    public void Validate_GoodToken_ReturnsItsClaims()
    {
        var claims = Validate(TestJwt.IdToken(nonce: "n1"), "n1");

        claims["sub"].Should().Be("sub-1");
        claims["preferred_username"].Should().Be("ada@contoso.com");
    }

    [Test]
    public void Validate_AudienceArrayWithClientAndAzp_IsAccepted()
    {
        var token = Token(("aud", new[] { "other", "client1" }), ("azp", "client1"));

        Validate(token).Should().ContainKey("sub");
    }

    [Test]
    public void Validate_AudienceArrayOfTheClientAlone_NeedsNoAzp()
    {
        Validate(Token(("aud", new[] { "client1" }))).Should().ContainKey("sub");
    }

    [Test]
    public void Validate_SeveralAudiencesWithoutAzp_IsInvalidIdToken()
    {
        var act = () => Validate(Token(("aud", new[] { "other", "client1" })));

        act.Should().Throw<AuthClientException>().Which.Message.Should().Contain("azp");
    }

    [Test]
    public void Validate_AzpOfAnotherClient_IsInvalidIdToken()
    {
        var act = () => Validate(Token(("azp", "other")));

        act.Should().Throw<AuthClientException>().Which.Message.Should().Contain("azp");
    }

    // Before: an array aud was matched by substring on its JSON text, so these passed.
    [TestCase("object in the array")]
    [TestCase("array text in a string")]
    [TestCase("a number beside the client id")]
    public void Validate_AudienceThatOnlyContainsTheClientIdText_IsInvalidIdToken(string shape)
    {
        object audience = shape switch
        {
            "object in the array" => new object[] { new Dictionary<string, string> { ["id"] = "client1" } },
            "array text in a string" => "[\"client1\"]",
            _ => new object[] { 1, "client1" },
        };

        var act = () => Validate(Token(("aud", audience), ("azp", "client1")));

        act.Should().Throw<AuthClientException>().Which.Message.Should().Contain("(aud)");
    }

    [TestCase(null)]
    [TestCase("4102444800")]
    public void Validate_MissingOrTextExp_IsInvalidIdToken(string? exp)
    {
        var act = () => Validate(Token(("exp", exp)));

        act.Should().Throw<AuthClientException>().Which.Message.Should().Contain("numeric expiry");
    }

    [TestCase("https://login.example.com/tid-1/v2.0")]
    [TestCase("https://LOGIN.example.com:443/tid-1/v2.0/")]
    public void Validate_IssuerOfTheDocument_IsAccepted(string tokenIssuer)
    {
        Validate(Token(("iss", tokenIssuer)), issuer: "https://login.example.com/tid-1/v2.0").Should().ContainKey("sub");
    }

    [TestCase(null)]
    [TestCase("https://evil.example.com/tid-1/v2.0")]
    [TestCase("https://login.example.com/tid-2/v2.0")]
    [TestCase("https://login.example.com/tid-1")]
    public void Validate_IssuerNotTheDocuments_IsInvalidIdToken(string? tokenIssuer)
    {
        var act = () => Validate(Token(("iss", tokenIssuer)), issuer: "https://login.example.com/tid-1/v2.0");

        act.Should().Throw<AuthClientException>().Which.Message.Should().Contain("(iss)");
    }

    [Test]
    public void Validate_IssuerAsANumber_IsInvalidIdToken()
    {
        var act = () => Validate(Token(("iss", 1)));

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidIdToken);
    }

    [Test]
    public void Validate_EntraTemplate_IsFilledWithTheTokensTid()
    {
        var token = Token(("iss", "https://login.example.com/tid-2/v2.0"), ("tid", "tid-2"));

        Validate(token, issuer: EntraTemplate).Should().ContainKey("sub");
    }

    [TestCase("tid-2", null)]
    [TestCase(null, "tid-1")]
    [TestCase("../tid-1", "../tid-1")]
    [TestCase("tid-1/v2.0?x=", "tid-1/v2.0?x=")]
    public void Validate_EntraTemplateWithAnotherMissingOrUnsafeTid_IsInvalidIdToken(string? tid, string? issuerTenant)
    {
        var token = Token(("iss", $"https://login.example.com/{issuerTenant ?? "tid-1"}/v2.0"), ("tid", tid));

        var act = () => Validate(token, issuer: EntraTemplate);

        act.Should().Throw<AuthClientException>().Which.Message.Should().Contain("(iss)");
    }

    [TestCase("not-a-jwt")]
    [TestCase("a.b.c")]
    [TestCase("")]
    public void Validate_Malformed_IsInvalidIdToken(string token)
    {
        var act = () => Validate(token);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidIdToken);
    }

    [Test]
    public void Validate_Unsigned_IsInvalidIdToken()
    {
        var act = () => Validate(TestJwt.Create(new Dictionary<string, object> { ["aud"] = "client1", ["iss"] = "https://login.example.com/tid-1/v2.0", ["tid"] = "tid-1", ["exp"] = 4_102_444_800 }, alg: "none"));

        act.Should().Throw<AuthClientException>().Which.Message.Should().Contain("unsigned");
    }

    [Test]
    public void Validate_OtherAudience_IsInvalidIdToken()
    {
        var act = () => Validate(TestJwt.IdToken(clientId: "someone-else"));

        act.Should().Throw<AuthClientException>().Which.Message.Should().Contain("aud");
    }

    [Test]
    public void Validate_Expired_IsInvalidIdToken()
    {
        var act = () => Validate(TestJwt.IdToken(exp: Now.AddMinutes(-10).ToUnixTimeSeconds()));

        act.Should().Throw<AuthClientException>().Which.Message.Should().Contain("expired");
    }

    [TestCase("other")]
    [TestCase(null)]
    public void Validate_WrongOrMissingNonce_IsNonceMismatch(string? tokenNonce)
    {
        var act = () => Validate(TestJwt.IdToken(nonce: tokenNonce), "expected");

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.NonceMismatch);
    }

    // Found by the JWT fuzz target: exp at the end of DateTimeOffset's range plus the clock skew overflowed (ArgumentOutOfRangeException).
    [TestCase(253_402_300_800L)]
    [TestCase(long.MaxValue)]
    public void Validate_ExpBeyondYear9999_IsNotExpiredAndDoesNotOverflow(long exp)
    {
        var claims = Validate(TestJwt.IdToken(exp: exp));

        claims["exp"].Should().Be(exp.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void Validate_FractionalExpInThePast_IsExpired()
    {
        var token = Token(("exp", 1_700_000_000.5));

        var act = () => Validate(token);

        act.Should().Throw<AuthClientException>().Which.Message.Should().Contain("expired");
    }

    // Found by the JWT fuzz target: a claim whose bytes are not UTF-8 threw InvalidOperationException.
    [Test]
    public void Validate_PayloadWithInvalidUtf8_IsInvalidIdToken()
    {
        var payload = System.Buffers.Text.Base64Url.EncodeToString([.. "{\"aud\":\"client1\",\"name\":\""u8, 0xBD, .. "\"}"u8]);
        var token = $"eyJhbGciOiJSUzI1NiJ9.{payload}.c2ln";

        var act = () => Validate(token);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidIdToken);
    }
}
