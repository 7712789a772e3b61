using Auth.Common.Authority;
using Auth.Common.Grants.ClientCredentials;
using Auth.Common.Requests;
using Auth.Common.Telemetry;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Protocol;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ServerTelemetryTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly Queue<(int, string)> _answers = new();
    private readonly RecordingNetworkClient _network;

    public ServerTelemetryTests() =>
        _network = new RecordingNetworkClient(_ => _answers.TryDequeue(out var a)
            ? RecordingNetworkClient.Json(a.Item1, a.Item2)
            : RecordingNetworkClient.Json(200, """{"token_type":"Bearer","expires_in":3600,"access_token":"ok"}"""));

    [Test]
    public async Task Headers_ReportTheOperationTheCacheHitsAndTheLastFailure()
    {
        var runtime = TestRuntime.Create(_network, _time, headers: new ClientHeaders("Auth.Server", "1.0.0", "Linux"), authenticator: new FakeAuthenticator());
        var flow = new ClientCredentialFlow(runtime);
        _answers.Enqueue((400, """{"error":"invalid_scope"}"""));
        var failed = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");

        await FluentActions.Awaiting(() => flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"], CorrelationId = failed }, CancellationToken.None))
            .Should().ThrowAsync<Errors.AuthServiceException>();
        await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"] }, CancellationToken.None);
        await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"] }, CancellationToken.None);
        await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["api://y/.default"] }, CancellationToken.None);

        var sent = _network.Requests.Select(r => r.Headers).ToList();
        sent[0]["x-client-current-telemetry"].Should().Be("5|771,2,,,|");
        sent[0]["x-client-last-telemetry"].Should().Be("5|0|||");
        sent[0]["x-client-OS"].Should().Be("Linux");
        sent[1]["x-client-last-telemetry"].Should().Be($"5|0|771,{failed}|invalid_scope|");
        sent[2]["x-client-last-telemetry"].Should().Be("5|1|||", "one cache hit since the last report, and the failure was reported");
    }

    [Test]
    public async Task Headers_OidcProvider_GetsNoTelemetryOrClientHeaders()
    {
        var network = new RecordingNetworkClient(r => r.Uri.AbsolutePath.EndsWith("openid-configuration", StringComparison.Ordinal)
            ? RecordingNetworkClient.Json(200, """{"issuer":"https://idp.example.com","token_endpoint":"https://idp.example.com/token"}""")
            : RecordingNetworkClient.Json(200, """{"token_type":"Bearer","expires_in":3600,"access_token":"ok"}"""));
        var runtime = TestRuntime.Create(network, _time, authority: AuthorityInfo.Parse("https://idp.example.com", ProtocolMode.Oidc, false), headers: new ClientHeaders("Auth.Server", "1.0.0", "Linux"));

        await new ClientCredentialFlow(runtime).AcquireAsync(new ClientCredentialRequest { Scopes = ["read"] }, CancellationToken.None);

        network.Requests.Should().AllSatisfy(r => r.Headers.Keys.Should().NotContain(k => k.StartsWith("x-client", StringComparison.OrdinalIgnoreCase) || k.Contains("request-id", StringComparison.Ordinal)));
    }
}
