using System.Buffers.Text;
using System.Text;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.IntegrationTests.PublicClient;
using Auth.Testing;

namespace Auth.IntegrationTests.BadInput;

/// <summary>
/// The auth-code redemption against an authority that answers a bad ID token (wrong nonce,
/// audience, issuer, expired, unsigned, malformed) or a redirect with the wrong state: each is refused
/// with its documented code and no token reaches the app or its cache.
/// </summary>
[TestFixture]
public sealed class IdTokenMatrixTests : PublicClientFixture
{
    private const string Nonce = "nonce-sent";
    private static readonly Uri Redirect = new("http://127.0.0.1:8400/");

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static string Jwt(string claims, string alg = "RS256", string signature = "c2lnbmF0dXJl") =>
        $"{Encode($"{{\"alg\":\"{alg}\",\"typ\":\"JWT\"}}")}.{Encode(claims)}.{signature}";

    /// <summary>The claims of an ID token; <c>{iss}</c> stands for the authority's issuer, known once it has started.</summary>
    private static string Claims(string aud = $"\"{ClientId}\"", string nonce = Nonce, string exp = "4102444800", string iss = "\"{iss}\"") =>
        $"{{\"aud\":{aud},\"iss\":{iss},\"sub\":\"s\",\"oid\":\"o\",\"tid\":\"t\",\"nonce\":\"{nonce}\",\"exp\":{exp}}}";

    private static IEnumerable<TestCaseData> Rows()
    {
        yield return Row(Claims(nonce: "replayed"), AuthErrorCodes.NonceMismatch, "wrongNonce_IsNonceMismatch");
        yield return Row(Claims(aud: "\"another-app\""), AuthErrorCodes.InvalidIdToken, "wrongAudience_IsInvalidIdToken");
        yield return Row(Claims(exp: "1000000000"), AuthErrorCodes.InvalidIdToken, "expired_IsInvalidIdToken");
        yield return Row(Claims(), AuthErrorCodes.InvalidIdToken, "unsigned_IsInvalidIdToken", alg: "none", signature: string.Empty);
        yield return Row(Claims(iss: "\"https://issuer\""), AuthErrorCodes.InvalidIdToken, "otherIssuer_IsInvalidIdToken");
        yield return Row(Claims(exp: "\"4102444800\""), AuthErrorCodes.InvalidIdToken, "textExp_IsInvalidIdToken");
        yield return Row(Claims(aud: $"[{{\"id\":\"{ClientId}\"}}]"), AuthErrorCodes.InvalidIdToken, "clientIdInsideAnAudienceObject_IsInvalidIdToken");
        yield return Row(Claims(aud: $"[\"another-app\",\"{ClientId}\"]"), AuthErrorCodes.InvalidIdToken, "severalAudiencesWithoutAzp_IsInvalidIdToken");
        yield return new TestCaseData("not.a.jwt", AuthErrorCodes.InvalidIdToken).SetName("IdToken_malformed_IsInvalidIdToken");
        yield return new TestCaseData("e30", AuthErrorCodes.InvalidIdToken).SetName("IdToken_onePart_IsInvalidIdToken");
        yield return Row("[1,2]", AuthErrorCodes.InvalidIdToken, "payloadNotObject_IsInvalidIdToken");
    }

    private static TestCaseData Row(string claims, string expected, string name, string alg = "RS256", string signature = "c2lnbmF0dXJl") =>
        new TestCaseData($"jwt:{alg}:{signature}:{claims}", expected).SetName($"IdToken_{name}");

    /// <summary>Builds the ID token of a row, its <c>{iss}</c> replaced by <paramref name="issuer"/>.</summary>
    private static string Build(string row, string issuer)
    {
        if (!row.StartsWith("jwt:", StringComparison.Ordinal))
        {
            return row;
        }

        var parts = row.Split(':', 4);
        return Jwt(parts[3].Replace("{iss}", issuer, StringComparison.Ordinal), parts[1], parts[2]);
    }

    [TestCaseSource(nameof(Rows))]
    public async Task Redeem(string row, string expected)
    {
        var idToken = Build(row, Authority.Issuer);
        var app = App();
        Authority.EnqueueTokenResponse(FakeTokenResponse.Custom(200,
            $"{{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"at\",\"refresh_token\":\"rt\",\"scope\":\"api://orders/read\",\"id_token\":\"{idToken}\"}}"));

        var act = () => app.AcquireTokenByCodeAsync(Request());

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(expected);
        error.Message.Should().Contain("sign").And.NotContain(idToken);
        (await app.GetTokenCache().GetAllAccountsAsync()).Should().BeEmpty("a refused ID token caches nothing");
    }

    [Test]
    public async Task Redeem_ReturnedStateDiffers_IsStateMismatchWithoutCallingTheAuthority()
    {
        var app = App();

        var act = () => app.AcquireTokenByCodeAsync(Request() with { ReturnedState = "forged" });

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.StateMismatch);
        error.Message.Should().Contain("Start the sign-in again");
        Authority.RequestCount("authorization_code").Should().Be(0, "the code is not redeemed");
    }

    private static AuthorizationCodeRequest Request() => new()
    {
        Scopes = Scopes,
        RedirectUri = Redirect,
        Code = "code-from-redirect",
        CodeVerifier = "verifier-verifier-verifier-verifier-verifier-0123",
        State = "state-sent",
        ReturnedState = "state-sent",
        Nonce = Nonce,
    };
}
