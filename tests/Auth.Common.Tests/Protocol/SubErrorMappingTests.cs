using Auth.Common.Errors;
using Auth.Common.Pipeline;
using Auth.Common.Tests.TestDoubles;

namespace Auth.Common.Tests.Protocol;

[TestFixture]
public sealed class SubErrorMappingTests
{
    private static AuthServiceException Map(string error, string? subError) =>
        (AuthServiceException)TokenResponseParser.Parse(
            RecordingNetworkClient.Json(400, $$"""
                {"error":"{{error}}","error_description":"AADSTS50076: MFA needed. Trace ID: t1","error_codes":[50076],
                 {{(subError is null ? string.Empty : $"\"suberror\":\"{subError}\",")}}"timestamp":"2026-11-24 12:00:00Z","trace_id":"trace-1","correlation_id":"corr-1"}
                """),
            Guid.Empty,
            TimeProvider.System).Error!;

    [TestCase("basic_action")]
    [TestCase("additional_action")]
    [TestCase("message_only")]
    [TestCase("consent_required")]
    [TestCase("user_password_expired")]
    public void InvalidGrantWithUserSubError_IsInteractionRequiredWithItsClassification(string subError)
    {
        var error = Map("invalid_grant", subError);

        error.Should().BeOfType<InteractionRequiredException>().Which.Classification.Should().Be(subError);
        error.Message.Should().Contain(subError);
    }

    [TestCase("bad_token")]
    [TestCase("client_mismatch")]
    public void InvalidGrantWithTokenOrClientSubError_IsAServiceErrorNotInteraction(string subError)
    {
        var error = Map("invalid_grant", subError);

        error.Should().BeOfType<AuthServiceException>();
        error.SubError.Should().Be(subError);
    }

    [Test]
    public void InteractionRequiredWithoutSubError_HasClassificationNone()
    {
        Map("interaction_required", null).Should().BeOfType<InteractionRequiredException>().Which.Classification.Should().Be("none");
    }

    [Test]
    public void ServiceError_CarriesTheAuthoritysDiagnostics()
    {
        var error = Map("interaction_required", "basic_action");

        error.ErrorDescription.Should().StartWith("AADSTS50076");
        error.ErrorCodes.Should().Equal(50076);
        error.TraceId.Should().Be("trace-1");
        error.Timestamp.Should().Be("2026-11-24 12:00:00Z");
    }
}
