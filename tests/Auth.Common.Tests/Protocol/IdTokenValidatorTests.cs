using Auth.Common.Errors;
using Auth.Common.Jwt;
using Auth.Common.Tests.TestDoubles;

namespace Auth.Common.Tests.Protocol;

[TestFixture]
public sealed class IdTokenValidatorTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static Dictionary<string, string> Validate(string token, string? nonce = null) =>
        IdTokenValidator.Validate(token, "client1", nonce, Now, TimeSpan.FromMinutes(5));

    [Test]
    public void Validate_GoodToken_ReturnsItsClaims()
    {
        var claims = Validate(TestJwt.IdToken(nonce: "n1"), "n1");

        claims["sub"].Should().Be("sub-1");
        claims["preferred_username"].Should().Be("ada@contoso.com");
    }

    [Test]
    public void Validate_AudienceArrayWithClient_IsAccepted()
    {
        var token = TestJwt.Create(new Dictionary<string, object> { ["aud"] = new[] { "other", "client1" }, ["sub"] = "s" });

        Validate(token).Should().ContainKey("sub");
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
        var act = () => Validate(TestJwt.Create(new Dictionary<string, object> { ["aud"] = "client1" }, alg: "none"));

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
        var token = TestJwt.Create(new Dictionary<string, object> { ["aud"] = "client1", ["exp"] = 1_700_000_000.5 });

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
