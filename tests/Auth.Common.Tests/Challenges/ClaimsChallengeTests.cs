using System.Text;
using Auth.Common.Challenges;
using Auth.Common.Errors;

namespace Auth.Common.Tests.Challenges;

[TestFixture]
public sealed class ClaimsChallengeTests
{
    private const string Claims = """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""";

    // '?' and '>' runs make the standard alphabet's '/' and '+' appear, so the URL-safe variants differ from it.
    private const string ClaimsWithSymbols = """{"access_token":{"nbf":{"essential":true,"value":"???>>>???>>>!"}}}""";

    internal static string Base64(string json, bool url, bool padded)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        if (url)
        {
            encoded = encoded.Replace('+', '-').Replace('/', '_');
        }

        return padded ? encoded : encoded.TrimEnd('=');
    }

    [Test]
    public void FromWwwAuthenticate_EntraCaeChallenge_ReturnsTheDecodedClaims()
    {
        var header = $"""Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="{Base64(Claims, url: false, padded: true)}" """;

        var claims = ClaimsChallenge.FromWwwAuthenticate(header);

        claims.Should().Be(Claims);
    }

    [TestCase(false, true)]
    [TestCase(false, false)]
    [TestCase(true, true)]
    [TestCase(true, false)]
    public void FromWwwAuthenticate_AnyBase64Variant_DecodesTheSameJson(bool url, bool padded)
    {
        Convert.ToBase64String(Encoding.UTF8.GetBytes(ClaimsWithSymbols)).Should().ContainAny(["+", "/"]).And.EndWith("=", "the test must cover both alphabets and padding");

        var claims = ClaimsChallenge.FromWwwAuthenticate($"""Bearer error="insufficient_claims", claims="{Base64(ClaimsWithSymbols, url, padded)}" """);

        claims.Should().Be(ClaimsWithSymbols);
    }

    [Test]
    public void FromWwwAuthenticate_UnquotedPaddedBase64_IsKeptWhole()
    {
        var claims = ClaimsChallenge.FromWwwAuthenticate($"Bearer error=insufficient_claims, claims={Base64(ClaimsWithSymbols, url: false, padded: true)}");

        claims.Should().Be(ClaimsWithSymbols);
    }

    [Test]
    public void FromWwwAuthenticate_ClaimsInTheSecondChallenge_AreFound()
    {
        var header = $"""PoP nonce="AAAA", realm="x", Bearer realm="", error="insufficient_claims", claims="{Base64(Claims, url: true, padded: false)}" """;

        ClaimsChallenge.FromWwwAuthenticate(header).Should().Be(Claims);
    }

    [Test]
    public void FromWwwAuthenticate_PoPSchemeWithClaims_IsAChallenge()
    {
        var header = $"""Bearer realm="", PoP nonce="n", error="insufficient_claims", claims="{Base64(Claims, url: false, padded: true)}" """;

        ClaimsChallenge.FromWwwAuthenticate(header).Should().Be(Claims);
    }

    [Test]
    public void FromWwwAuthenticate_QuotedStringsWithCommasAndEscapes_DoNotSplitTheChallenge()
    {
        var header = $"""Bearer realm="a, \"b\", c=d", error_description="no, really \\ ok", error="insufficient_claims", claims="{Base64(Claims, url: false, padded: true)}" """;

        ClaimsChallenge.FromWwwAuthenticate(header).Should().Be(Claims);
    }

    [Test]
    public void Parse_QuotedStringsWithCommasAndEscapes_AreUnescaped()
    {
        var challenges = WwwAuthenticateParser.Parse("""Bearer realm="a, \"b\", c=d", error_description="x \\ y", Basic realm="r" """);

        challenges.Select(c => c.Scheme).Should().Equal("Bearer", "Basic");
        challenges[0].Parameter("realm").Should().Be("a, \"b\", c=d");
        challenges[0].Parameter("ERROR_DESCRIPTION").Should().Be("x \\ y", "names compare case-insensitively");
        challenges[1].Parameter("realm").Should().Be("r");
    }

    [Test]
    public void Parse_Token68AndBareSchemes_AreChallengesOfTheirOwn()
    {
        var challenges = WwwAuthenticateParser.Parse("Negotiate YIIabc+/==, NTLM, Bearer error=invalid_token");

        challenges.Select(c => c.Scheme).Should().Equal("Negotiate", "NTLM", "Bearer");
        challenges[0].Token68.Should().Be("YIIabc+/==");
        challenges[1].Parameters.Should().BeEmpty();
        challenges[2].Parameter("error").Should().Be("invalid_token");
    }

    [Test]
    public void FromWwwAuthenticate_Token68BeforeTheBearerChallenge_IsSkipped()
    {
        var header = $"""Negotiate YIIabc==, Bearer error="insufficient_claims", claims="{Base64(Claims, url: false, padded: true)}" """;

        ClaimsChallenge.FromWwwAuthenticate(header).Should().Be(Claims);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Bearer")]
    [TestCase("Bearer realm=\"\", error=\"invalid_token\", error_description=\"expired\"")]
    [TestCase("Basic realm=\"claims\"")]
    public void FromWwwAuthenticate_NoClaimsChallenge_IsNull(string? header)
    {
        ClaimsChallenge.FromWwwAuthenticate(header).Should().BeNull();
    }

    [Test]
    public void FromWwwAuthenticate_ClaimsWithAnotherError_IsNotAClaimsChallenge()
    {
        var header = $"""Bearer error="invalid_token", claims="{Base64(Claims, url: false, padded: true)}" """;

        ClaimsChallenge.FromWwwAuthenticate(header).Should().BeNull();
    }

    [Test]
    public void FromWwwAuthenticate_ClaimsWithoutError_AreAClaimsChallenge()
    {
        ClaimsChallenge.FromWwwAuthenticate($"""Bearer claims="{Base64(Claims, url: false, padded: true)}" """).Should().Be(Claims);
    }

    [Test]
    public void FromWwwAuthenticate_RawJsonClaims_AreAccepted()
    {
        var header = "Bearer error=\"insufficient_claims\", claims=\"" + Claims.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

        ClaimsChallenge.FromWwwAuthenticate(header).Should().Be(Claims);
    }

    [Test]
    public void FromWwwAuthenticate_SeveralHeaderValues_ReadsEach()
    {
        string?[] values = ["Basic realm=\"x\"", null, $"""Bearer error="insufficient_claims", claims="{Base64(Claims, url: false, padded: true)}" """];

        ClaimsChallenge.FromWwwAuthenticate(values).Should().Be(Claims);
        ClaimsChallenge.FromWwwAuthenticate(["Basic realm=\"x\""]).Should().BeNull();
        ClaimsChallenge.FromWwwAuthenticate((IEnumerable<string?>?)null).Should().BeNull();
    }

    [TestCase("Bearer claims=\"@@@@\"", TestName = "Malformed_NotBase64")]
    [TestCase("Bearer claims=\"abcde\"", TestName = "Malformed_Base64OfImpossibleLength")]
    [TestCase("Bearer claims=\"\"", TestName = "Malformed_EmptyClaims")]
    [TestCase("Bearer claims=\"aGVsbG8\"", TestName = "Malformed_Base64OfText")]
    [TestCase("Bearer claims=\"WzFd\"", TestName = "Malformed_Base64OfAJsonArray")]
    [TestCase("Bearer claims=\"__4\"", TestName = "Malformed_Base64OfInvalidUtf8")]
    [TestCase("Bearer claims=\"{not json\"", TestName = "Malformed_RawJsonThatIsNot")]
    [TestCase("Bearer realm=\"unterminated, claims=\"x\"", TestName = "Malformed_UnterminatedQuotedString")]
    [TestCase("Bearer realm=\"ends with a backslash\\", TestName = "Malformed_TrailingEscape")]
    [TestCase("realm=\"x\", Bearer", TestName = "Malformed_ParameterBeforeAnyScheme")]
    [TestCase("Bearer realm=ab\"c\"", TestName = "Malformed_QuoteInsideABareValue")]
    [TestCase("Bearer \u00e9=1", TestName = "Malformed_NonTokenCharacter")]
    public void FromWwwAuthenticate_MalformedInput_IsInvalidClaimsChallenge(string header)
    {
        var act = () => ClaimsChallenge.FromWwwAuthenticate(header);

        var error = act.Should().Throw<AuthClientException>().Which;
        error.Code.Should().Be(AuthErrorCodes.InvalidClaimsChallenge);
        error.Message.Should().Contain("malformed challenge");
    }
}
