using Auth.Common.Accounts;
using Auth.Common.Errors;
using Auth.Common.Pipeline;
using Auth.Common.Platform;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Protocol;

[TestFixture]
public sealed class TokenResponseParserTests
{
    private static readonly FakeTimeProvider Time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static (TokenResponseJson? Token, AuthServiceException? Error) Parse(int status, string body, params (string, string)[] headers)
    {
        var result = TokenResponseParser.Parse(RecordingNetworkClient.Json(status, body, headers), Guid.Empty, Time);
        return (result.Value, (AuthServiceException?)result.Error);
    }

    [Test]
    public void Parse_Success_ReadsEveryField()
    {
        var result = Parse(200, """
            {"token_type":"Bearer","expires_in":3599,"ext_expires_in":"7199","refresh_in":1800,"access_token":"at",
             "scope":"api://x/.default","id_token":"it","refresh_token":"rt","client_info":"ci","foci":"1"}
            """);

        var token = result.Token!;
        token.AccessToken.Should().Be("at");
        token.ExpiresIn.Should().Be(3599);
        token.ExtExpiresIn.Should().Be(7199);
        token.RefreshIn.Should().Be(1800);
        token.Scope.Should().Be("api://x/.default");
        token.IdToken.Should().Be("it");
        token.RefreshToken.Should().Be("rt");
        token.ClientInfo.Should().Be("ci");
        token.FamilyId.Should().Be("1");
        result.Error.Should().BeNull();
    }

    [Test]
    public void Parse_OAuthError_KeepsEveryErrorField()
    {
        var error = Parse(401, """
            {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215],"suberror":"x","claims":"{}"}
            """).Error!;

        error.Should().BeOfType<AuthServiceException>();
        error.Code.Should().Be("invalid_client");
        error.Error.Should().Be("invalid_client");
        error.ErrorDescription.Should().StartWith("AADSTS7000215");
        error.ErrorCodes.Should().Equal(7000215);
        error.SubError.Should().Be("x");
        error.Claims.Should().Be("{}");
        error.StatusCode.Should().Be(401);
        error.Message.Should().Contain("invalid_client").And.Contain("Invalid client secret");
    }

    [TestCase("invalid_grant")]
    [TestCase("interaction_required")]
    [TestCase("consent_required")]
    [TestCase("login_required")]
    public void Parse_InteractionError_IsInteractionRequired(string code)
    {
        var error = Parse(400, $$"""{"error":"{{code}}"}""").Error!;

        error.Should().BeOfType<InteractionRequiredException>().Which.Code.Should().Be(code);
    }

    [Test]
    public void Parse_429WithRetryAfterSeconds_IsThrottledWithRetryAfter()
    {
        var error = Parse(429, """{"error":"temporarily_unavailable","error_codes":[50196]}""", ("Retry-After", "42")).Error!;

        error.Code.Should().Be(AuthErrorCodes.RequestThrottled);
        error.Error.Should().Be("temporarily_unavailable");
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(42));
        error.IsRetryable.Should().BeTrue();
    }

    [Test]
    public void Parse_503WithRetryAfterDate_IsThrottledUntilThatDate()
    {
        var error = Parse(503, "Service Unavailable", ("Retry-After", "Thu, 01 Jan 2026 00:01:00 GMT")).Error!;

        error.Code.Should().Be(AuthErrorCodes.RequestThrottled);
        error.RetryAfter.Should().Be(TimeSpan.FromMinutes(1));
    }

    [TestCase(500, "<html><body>Server Error</body></html>")]
    [TestCase(400, "Bad Request")]
    [TestCase(404, "")]
    public void Parse_HttpErrorWithoutOAuthBody_IsHttpStatusError(int status, string body)
    {
        var error = Parse(status, body).Error!;

        error.Code.Should().Be(AuthErrorCodes.HttpStatusError);
        error.StatusCode.Should().Be(status);
    }

    [TestCase("""{"token_type":"Bearer","expires_in":3599,"access_tok""")]
    [TestCase("<html>200 but html</html>")]
    [TestCase("")]
    [TestCase("""{"token_type":"Bearer","expires_in":3599}""")]
    [TestCase("""{"token_type":"Bearer","access_token":"at"}""")]
    [TestCase("""{"token_type":"Bearer","access_token":"at","expires_in":{"x":1}}""")]
    [TestCase("""{"token_type":"Bearer","access_token":"at","expires_in":"soon"}""")]
    [TestCase("""{"token_type":"Bearer","access_token":"at","expires_in":-5}""")]
    [TestCase("""{"token_type":"Bearer","access_token":42,"expires_in":5}""")]
    [TestCase("""[1,2,3]""")]
    public void Parse_UnusableSuccessBody_IsInvalidResponse(string body)
    {
        var error = Parse(200, body).Error!;

        error.Code.Should().Be(AuthErrorCodes.InvalidResponse);
        error.Message.Should().NotContain("\"at\"");
    }

    [Test]
    public void Parse_TokenTypeNotBearer_IsRefused()
    {
        var error = Parse(200, """{"token_type":"pop","expires_in":3599,"access_token":"at"}""").Error!;

        error.Code.Should().Be(AuthErrorCodes.UnexpectedTokenType);
    }

    [Test]
    public void Parse_AbsentTokenType_IsTreatedAsBearer()
    {
        var result = Parse(200, """{"expires_in":3599,"access_token":"at"}""");

        result.Token!.AccessToken.Should().Be("at");
    }

    // Found by the token response fuzz target: a body with a lone UTF-16 surrogate (a custom INetworkClient can pass one) threw ArgumentException.
    [TestCase(200)]
    [TestCase(400)]
    public void Parse_BodyWithLoneSurrogate_IsInvalidResponseOrHttpError(int status)
    {
        var result = Parse(status, "{\"token_type\":\"bearer\",\"\udfffxpires_in\":\"3600\",\"access_token\":\"a");

        result.Error!.Code.Should().Be(status == 200 ? AuthErrorCodes.InvalidResponse : AuthErrorCodes.HttpStatusError);
    }
}
