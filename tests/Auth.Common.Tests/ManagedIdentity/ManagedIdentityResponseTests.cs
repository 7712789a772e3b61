using Auth.Common.Errors;
using Auth.Common.ManagedIdentity;
using Auth.Common.Requests;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.ManagedIdentity;

/// <summary>The answers sources give: expiry as a string, a number, a lifetime or a date; refresh_in; errors in each shape.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ManagedIdentityResponseTests
{
    private const long Now = 1_800_000_000;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(Now));

    [TestCase("\"expires_on\":\"1800003600\"", 3600)]
    [TestCase("\"expires_on\":1800003600", 3600)]
    [TestCase("\"expires_on\":\"3600\"", 3600)]
    [TestCase("\"expires_in\":3600", 3600)]
    [TestCase("\"expires_in\":\"3600\"", 3600)]
    [TestCase("\"expires_on\":\"2027-01-15T09:20:00.0000000+00:00\"", 3600)]
    public async Task Expiry_IsReadInEveryFormSourcesSend(string expiry, long lifetime)
    {
        var iso = DateTimeOffset.FromUnixTimeSeconds(Now + lifetime).ToString("O");
        var body = "{\"access_token\":\"t\"," + expiry.Replace("2027-01-15T09:20:00.0000000+00:00", iso, StringComparison.Ordinal) + "}";

        var result = await Acquire(body);

        result.ExpiresOn.ToUnixTimeSeconds().Should().Be(Now + lifetime);
    }

    [TestCase(86_400, null, 43_200, Description = "a day-long token refreshes at half its life")]
    [TestCase(7_200, null, 3_600, Description = "2 hours exactly is 'or more'")]
    [TestCase(3_600, null, null, Description = "a shorter token is not refreshed early")]
    [TestCase(86_400, 600, 600, Description = "refresh_in as sent")]
    public async Task RefreshOn_IsRefreshIn_OrHalfTheLifetimeOfLongTokens(long lifetime, long? refreshIn, long? expected)
    {
        var body = $$"""{"access_token":"t","expires_in":{{lifetime}}{{(refreshIn is null ? "" : $",\"refresh_in\":{refreshIn}")}}}""";

        var result = await Acquire(body);

        result.RefreshOn?.ToUnixTimeSeconds().Should().Be(expected is null ? null : Now + expected);
    }

    [TestCase("not json")]
    [TestCase("{}")]
    [TestCase("{\"access_token\":\"t\"}")]
    [TestCase("{\"access_token\":\"t\",\"expires_on\":\"tomorrow\"}")]
    [TestCase("{\"access_token\":\"t\",\"expires_on\":\"1700000000\"}")]
    [TestCase("[1]")]
    public async Task UnusableAnswer_IsInvalidResponse(string body)
    {
        var act = () => Acquire(body);

        (await act.Should().ThrowAsync<AuthServiceException>()).Which.Code.Should().Be(AuthErrorCodes.ManagedIdentityInvalidResponse);
    }

    [TestCase(ManagedIdentitySource.Imds, 400, """{"error":"invalid_request","error_description":"Identity not found"}""", AuthErrorCodes.ManagedIdentityNotFound, "Identity not found")]
    [TestCase(ManagedIdentitySource.AppService, 400, """{"statusCode":400,"message":"No managed identity found for the given identity","correlationId":"c"}""", AuthErrorCodes.ManagedIdentityNotFound, "No managed identity found")]
    [TestCase(ManagedIdentitySource.CloudShell, 400, """{"error":{"code":"BadRequest","message":"resource missing"}}""", AuthErrorCodes.ManagedIdentityRequestFailed, "resource missing")]
    [TestCase(ManagedIdentitySource.AppService, 403, """{"statusCode":403,"message":"bad header\r\nFORGED"}""", AuthErrorCodes.ManagedIdentityRequestFailed, "bad header")]
    public async Task ErrorAnswer_InEachShape_NamesTheSourceAndItsText(ManagedIdentitySource source, int status, string body, string code, string text)
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(status, body));
        var act = () => ManagedIdentityHarness.Client(source, network, time: _time).AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        var error = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        error.Code.Should().Be(code);
        error.StatusCode.Should().Be(status);
        error.Message.Should().Contain(source.ToString()).And.Contain(text).And.NotContainAny("\r", "\n");
        network.Requests.Should().ContainSingle("a 4xx other than IMDS's 404/410 is not retried");
    }

    private Task<Responses.AuthenticationResult> Acquire(string body) =>
        ManagedIdentityHarness.Client(ManagedIdentitySource.AppService, new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, body)), time: _time)
            .AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });
}
