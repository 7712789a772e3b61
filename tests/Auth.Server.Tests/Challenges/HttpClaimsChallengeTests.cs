using System.Net;
using System.Text;
using Auth.Common.Errors;
using Auth.Server;

namespace Auth.Server.Tests.Challenges;

[TestFixture]
public sealed class HttpClaimsChallengeTests
{
    private const string Claims = """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""";
    private static readonly string Encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(Claims));

    [Test]
    public void FromResponse_ChallengeAmongSeveralHeaders_ReturnsTheClaims()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "PoP nonce=\"n\"");
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", $"Bearer realm=\"\", error=\"insufficient_claims\", claims=\"{Encoded}\"");

        HttpClaimsChallenge.FromResponse(response).Should().Be(Claims);
    }

    [Test]
    public void FromResponse_NoChallenge_IsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);

        HttpClaimsChallenge.FromResponse(response).Should().BeNull();
    }

    [Test]
    public void FromWwwAuthenticate_ParsedHeaders_ReturnTheClaims()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ParseAdd($"Bearer error=\"insufficient_claims\", claims=\"{Encoded}\"");

        HttpClaimsChallenge.FromWwwAuthenticate(response.Headers.WwwAuthenticate).Should().Be(Claims);
    }

    [Test]
    public void FromResponse_MalformedClaims_IsInvalidClaimsChallenge()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer error=\"insufficient_claims\", claims=\"bm90IGpzb24\"");

        var act = () => HttpClaimsChallenge.FromResponse(response);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidClaimsChallenge);
    }
}
