using System.Text.Json;
using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Pipeline;
using Auth.Common.Resilience;
using Auth.Common.Telemetry;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Protocol;

/// <summary>The authority's own words (error, error_description, suberror) reach messages, properties and log lines only cleaned and bounded.</summary>
[TestFixture]
public sealed class ServerTextTests
{
    private const string Forged = "invalid_client\r\n2026-01-01 [Error] Auth: admin signed in\u202e";
    private static readonly FakeTimeProvider Time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static AuthServiceException Error(string error, string? description = null, string? subError = null)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string?> { ["error"] = error, ["error_description"] = description, ["suberror"] = subError });
        return (AuthServiceException)TokenResponseParser.Parse(RecordingNetworkClient.Json(400, body), Guid.Empty, Time).Error!;
    }

    [Test]
    public void Parse_ErrorWithLineBreaksAndBidiControls_CodeAndMessageHaveNone()
    {
        var error = Error(Forged, "bad\r\nforged line\u2028\u0000", subError: "bad_token\nx");

        error.Code.Should().NotContainAny("\r", "\n", "\u202e").And.StartWith("invalid_client");
        error.Error.Should().Be(error.Code);
        error.SubError.Should().Be("bad_token?x");
        error.ErrorDescription.Should().Be("bad  forged line  ");
        error.Message.Should().NotContainAny("\r", "\n", "\u2028", "\u202e", "\0");
    }

    [Test]
    public void Parse_HugeDescription_IsBoundedInTheMessageAndTheProperty()
    {
        var error = Error("server_error", new string('x', 200_000), subError: new string('s', 5_000));

        error.ErrorDescription!.Length.Should().BeLessThanOrEqualTo(ServerText.MaxDescription);
        error.ErrorDescription.Should().EndWith("…");
        error.SubError!.Length.Should().BeLessThanOrEqualTo(ServerText.MaxCode);
        error.Message.Length.Should().BeLessThan(2 * 1024);
    }

    [Test]
    public void Parse_ConformingEntraError_IsKeptAsItIs()
    {
        const string description = "AADSTS70000: The provided grant is invalid. Trace ID: 1b2c Correlation ID: 3d4e Timestamp: 2026-01-01 00:00:00Z";

        var error = Error("invalid_grant", description, "bad_token");

        error.Code.Should().Be("invalid_grant");
        error.ErrorDescription.Should().Be(description);
        error.SubError.Should().Be("bad_token");
        error.Message.Should().Contain(description);
    }

    [Test]
    public void Text_CutBetweenASurrogatePair_KeepsThePairWhole()
    {
        var value = new string('a', 9) + "\U0001F600" + "tail";

        var text = ServerText.Text(value, 10);

        text.Should().Be(new string('a', 9) + "…");
    }

    [Test]
    public async Task SendAsync_ForgedErrorCode_LogsOneLineOnly()
    {
        var logger = new ListLogger();
        var authority = AuthorityInfo.Parse("https://login.microsoftonline.com/tenant1", ProtocolMode.AzureAD, false);
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(400, JsonSerializer.Serialize(new { error = Forged })));
        var metadata = new AuthorityMetadataResolver(network, Time, NullLogger.Instance, false);
        metadata.Seed(authority, """{"issuer":"https://login.microsoftonline.com/tenant1/v2.0","token_endpoint":"https://login.microsoftonline.com/tenant1/oauth2/v2.0/token"}""");
        var sender = new TokenRequestSender("client1", network, metadata, ClientHeaders.None, null, [], RetryPolicy.None, Time, logger);

        await sender.SendAsync(
            new TokenRequest { Authority = authority, CorrelationId = Guid.Empty, ApiId = ApiIds.RefreshToken, GrantFields = [new("grant_type", "refresh_token")] },
            CancellationToken.None);

        logger.Entries.Should().NotBeEmpty();
        logger.All.Split('\n').Should().HaveCount(logger.Entries.Count, "a forged CR/LF in the authority's error must not start a log line of its own");
        logger.All.Should().NotContain("\u202e");
    }
}
