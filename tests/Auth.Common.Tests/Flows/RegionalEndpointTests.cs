using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Grants.ClientCredentials;
using Auth.Common.Platform;
using Auth.Common.Requests;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

[TestFixture]
public sealed class RegionalEndpointTests
{
    private const string Metadata = """
        {"issuer":"https://login.microsoftonline.com/tenant1/v2.0","token_endpoint":"https://login.microsoftonline.com/tenant1/oauth2/v2.0/token"}
        """;

    private static readonly AuthorityInfo Public = AuthorityInfo.Parse("https://login.microsoftonline.com/tenant1", ProtocolMode.AzureAD, false);
    private static readonly ClientCredentialRequest Request = new() { Scopes = ["api://x/.default"] };

    private static (ClientCredentialFlow Flow, RecordingNetworkClient Network) Create(Func<Uri, Common.Platform.NetworkResponse> answer, string? detected = null)
    {
        var network = new RecordingNetworkClient(r => answer(r.Uri));
        var runtime = TestRuntime.Create(network, new FakeTimeProvider(), authority: Public, metadataJson: Metadata, detectedRegion: detected, authenticator: new FakeAuthenticator());
        return (new ClientCredentialFlow(runtime), network);
    }

    private static Common.Platform.NetworkResponse Ok(Uri _) => RecordingNetworkClient.Json(200, """{"token_type":"Bearer","expires_in":3600,"access_token":"at"}""");

    [Test]
    public async Task Region_GoesToTheRegionalHostOfThePublicCloud()
    {
        var (flow, network) = Create(Ok);

        await flow.AcquireAsync(Request with { AzureRegion = "westus" }, CancellationToken.None);

        network.Requests.Single().Uri.AbsoluteUri.Should().Be("https://westus.login.microsoft.com/tenant1/oauth2/v2.0/token");
    }

    [Test]
    public async Task Region_ServerError_FallsBackToTheGlobalEndpoint()
    {
        var (flow, network) = Create(uri => uri.Host.StartsWith("westus.", StringComparison.Ordinal) ? RecordingNetworkClient.Json(503, "down") : Ok(uri));

        var result = await flow.AcquireAsync(Request with { AzureRegion = "westus" }, CancellationToken.None);

        result.AccessToken.Should().Be("at");
        network.Requests.Select(r => r.Uri.Host).Should().Equal("westus.login.microsoft.com", "login.microsoftonline.com");
    }

    [Test]
    public async Task Region_Unreachable_FallsBackToTheGlobalEndpoint()
    {
        var (flow, network) = Create(uri => uri.Host.StartsWith("westus.", StringComparison.Ordinal)
            ? throw new AuthClientException(AuthErrorCodes.NetworkError, "no route")
            : Ok(uri));

        await flow.AcquireAsync(Request with { AzureRegion = "westus" }, CancellationToken.None);

        network.Requests.Last().Uri.Host.Should().Be("login.microsoftonline.com");
    }

    [Test]
    public async Task Region_ClientError_IsNotRetriedGlobally()
    {
        var (flow, network) = Create(_ => RecordingNetworkClient.Json(400, """{"error":"invalid_client"}"""));

        var act = () => flow.AcquireAsync(Request with { AzureRegion = "westus" }, CancellationToken.None);

        (await act.Should().ThrowAsync<AuthServiceException>()).Which.Code.Should().Be("invalid_client");
        network.Requests.Should().ContainSingle();
    }

    [TestCase("eastus", "eastus.login.microsoft.com")]
    [TestCase(null, "login.microsoftonline.com")]
    public async Task TryAutoDetect_UsesTheEnvironmentsRegionWhenThereIsOne(string? detected, string host)
    {
        var (flow, network) = Create(Ok, detected);

        await flow.AcquireAsync(Request with { AzureRegion = "TryAutoDetect" }, CancellationToken.None);

        network.Requests.Single().Uri.Host.Should().Be(host);
    }
}
