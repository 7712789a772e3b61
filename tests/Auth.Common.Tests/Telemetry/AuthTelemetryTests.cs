using System.Diagnostics;
using Auth.Common.Clients;
using Auth.Common.Errors;
using Auth.Common.Grants.ClientCredentials;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Telemetry;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Telemetry;

/// <summary>
/// The <c>Auth</c> meter and activity source: what an acquisition and its endpoint calls record, and that nothing is
/// allocated while nobody listens. Non-parallelizable: the allocation test needs no listener in the process, and the
/// others attach theirs (each keeps only its own trace, see <see cref="TelemetryRecorder"/>).
/// </summary>
[TestFixture]
[NonParallelizable]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AuthTelemetryTests
{
    private const string Duration = "auth.token.acquisition.duration";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private int _issued;

    [Test]
    public async Task MissThenHit_RecordsOneIdentityProviderAndOneCacheMeasurement()
    {
        var client = Client(new RecordingNetworkClient(AppToken));
        using var recorder = new TelemetryRecorder();

        await client.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"] });
        await client.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"] });

        var durations = recorder.Of(Duration).ToList();
        durations.Should().HaveCount(2);
        durations.Select(d => d.Tags).Should().BeEquivalentTo(new[]
        {
            Tags(("auth.flow", "client_credentials"), ("auth.token_source", "identity_provider"), ("auth.outcome", "success")),
            Tags(("auth.flow", "client_credentials"), ("auth.token_source", "cache"), ("auth.outcome", "success")),
        });
        durations.Should().OnlyContain(d => d.Value >= 0);
        recorder.Sum("auth.cache.misses").Should().Be(1);
        recorder.Sum("auth.cache.hits").Should().Be(1);
        recorder.Of("auth.token_requests").Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(
            Tags(("auth.endpoint", "token"), ("auth.grant_type", "client_credentials"), ("http.response.status_code", 200)));
    }

    [Test]
    public async Task Miss_AcquisitionActivityIsTheParentOfTheTokenRequest()
    {
        var client = Client(new RecordingNetworkClient(AppToken));
        using var recorder = new TelemetryRecorder();

        await client.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"] });

        var acquisition = recorder.Activities.Should().ContainSingle(a => a.OperationName == "Auth.AcquireToken client_credentials").Which;
        var request = recorder.Activities.Should().ContainSingle(a => a.OperationName == "Auth.Request token").Which;
        acquisition.ParentSpanId.Should().Be(recorder.RootSpanId);
        acquisition.Kind.Should().Be(ActivityKind.Internal);
        acquisition.Status.Should().Be(ActivityStatusCode.Unset);
        acquisition.GetTagItem("auth.token_source").Should().Be("identity_provider");
        request.ParentSpanId.Should().Be(acquisition.SpanId);
        request.Kind.Should().Be(ActivityKind.Client);
        request.GetTagItem("http.request.method").Should().Be("POST");
        request.GetTagItem("server.address").Should().Be("login.example.com");
        request.GetTagItem("http.response.status_code").Should().Be(200);
    }

    [Test]
    public async Task SlowMiss_ReturnsWithTheCallersActivityCurrent_AndStillParentsTheTokenRequest()
    {
        var answer = new TaskCompletionSource<Common.Platform.NetworkResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = Client(new RecordingNetworkClient(_ => answer.Task));
        using var recorder = new TelemetryRecorder();
        var callers = Activity.Current;

        var pending = client.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"] });
        var currentWhilePending = Activity.Current;
        answer.SetResult(AppToken(null!));
        await pending;

        currentWhilePending.Should().BeSameAs(callers);
        var acquisition = recorder.Activities.Should().ContainSingle(a => a.OperationName == "Auth.AcquireToken client_credentials").Which;
        acquisition.ParentSpanId.Should().Be(recorder.RootSpanId);
        recorder.Activities.Should().ContainSingle(a => a.OperationName == "Auth.Request token").Which.ParentSpanId.Should().Be(acquisition.SpanId);
        recorder.Of(Duration).Should().ContainSingle().Which.Tags["auth.token_source"].Should().Be("identity_provider");
    }

    [Test]
    public async Task Failure_RecordsTheErrorCode_AndSetsErrorStatus()
    {
        var client = Client(new RecordingNetworkClient(_ => RecordingNetworkClient.Json(400, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret."}""")));
        using var recorder = new TelemetryRecorder();

        var act = () => client.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"] });

        var code = (await act.Should().ThrowAsync<AuthServiceException>()).Which.Code;
        recorder.Of(Duration).Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags(("auth.flow", "client_credentials"), ("auth.outcome", code)));
        recorder.Sum("auth.cache.misses").Should().Be(1);
        var acquisition = recorder.Activities.Should().ContainSingle(a => a.OperationName == "Auth.AcquireToken client_credentials").Which;
        acquisition.Status.Should().Be(ActivityStatusCode.Error);
        acquisition.StatusDescription.Should().Be(code);
        acquisition.GetTagItem("error.type").Should().Be(code);
        var request = recorder.Activities.Should().ContainSingle(a => a.OperationName == "Auth.Request token").Which;
        request.Status.Should().Be(ActivityStatusCode.Error);
        request.GetTagItem("error.type").Should().Be("400");
    }

    [Test]
    public async Task Throttled_CountsTheServiceAnswer_ThenTheThrottlingCacheRefusal()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(429, """{"error":"temporarily_unavailable"}""", ("Retry-After", "60")));
        var client = Client(network);
        using var recorder = new TelemetryRecorder();

        for (var i = 0; i < 2; i++)
        {
            var act = () => client.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"] });
            await act.Should().ThrowAsync<AuthServiceException>();
        }

        network.Requests.Should().HaveCount(1);
        recorder.Sum("auth.token_requests").Should().Be(1);
        recorder.Of("auth.throttled").Select(m => m.Tags["auth.throttled_by"]).Should().Equal("service", "client");
    }

    [Test]
    public async Task UserFlows_TagTheirFlow_AndNoTagCarriesASecretOrTheUsersName()
    {
        var server = new UserTokenServer(_time);
        var client = Client(server.Network);
        using var recorder = new TelemetryRecorder();

        var signIn = await client.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest { Username = "alice@contoso.example", Password = "P@ssw0rd-secret", Scopes = ["api://x/read"] });
        var silent = await client.AcquireTokenSilentAsync(new SilentFlowRequest { Account = signIn.Account!, Scopes = ["api://x/read"] });
        var refreshed = await client.AcquireTokenByRefreshTokenAsync(new RefreshTokenRequest { RefreshToken = "rt-migrated-secret", Scopes = ["api://x/read"] });
        var obo = await client.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { OboAssertion = "incoming-assertion-secret", Scopes = ["api://x/read"] });
        var session = await client.InitiateLongRunningProcessInWebApiAsync(new OnBehalfOfRequest { OboAssertion = "incoming-assertion-secret-2", Scopes = ["api://x/read"] }, "job-1");
        var longRunning = await client.AcquireTokenInLongRunningProcessAsync(new LongRunningProcessRequest { SessionKey = "job-1", Scopes = ["api://x/read"] });

        recorder.Of(Duration).Select(d => (d.Tags["auth.flow"], d.Tags["auth.token_source"])).Should().Equal(
            ("username_password", "identity_provider"),
            ("silent", "cache"),
            ("refresh_token", "identity_provider"),
            ("on_behalf_of", "identity_provider"),
            ("long_running_obo", "identity_provider"),
            ("long_running_obo", "cache"));
        recorder.Activities.Where(a => a.OperationName.StartsWith("Auth.Request", StringComparison.Ordinal))
            .Should().OnlyContain(a => recorder.Activities.Any(p => p.SpanId == a.ParentSpanId && p.OperationName.StartsWith("Auth.AcquireToken", StringComparison.Ordinal)));
        var secrets = new[]
        {
            "alice", "P@ssw0rd-secret", "rt-migrated-secret", "incoming-assertion-secret", "test-secret", "job-1", "tid-1", "oid-1",
            signIn.AccessToken, signIn.IdToken!, silent.AccessToken, refreshed.AccessToken, obo.AccessToken, session.Result.AccessToken, longRunning.AccessToken,
        };
        var values = recorder.AllTagValues().ToList();
        values.Should().NotBeEmpty();
        values.Should().NotContain(v => secrets.Any(s => v.Contains(s, StringComparison.OrdinalIgnoreCase)));
    }

    [Test]
    public async Task ManagedIdentity_MissThenHit_RecordsTheIdentityEndpointCall()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, ManagedIdentity.ManagedIdentityHarness.Token(1_800_086_400, "mi-token-secret")));
        var client = ManagedIdentity.ManagedIdentityHarness.Client(Common.ManagedIdentity.ManagedIdentitySource.AppService, network);
        using var recorder = new TelemetryRecorder();

        await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://management.azure.com" });
        await client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://management.azure.com" });

        recorder.Of(Duration).Select(d => d.Tags["auth.token_source"]).Should().Equal("identity_provider", "cache");
        recorder.Sum("auth.cache.hits").Should().Be(1);
        recorder.Sum("auth.cache.misses").Should().Be(1);
        recorder.Of("auth.token_requests").Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(
            Tags(("auth.endpoint", "managed_identity"), ("auth.managed_identity.source", "app_service"), ("http.response.status_code", 200)));
        var call = recorder.Activities.Should().ContainSingle(a => a.OperationName == "Auth.Request managed_identity").Which;
        call.GetTagItem("http.request.method").Should().Be("GET");
        recorder.Activities.Should().Contain(a => a.SpanId == call.ParentSpanId && a.OperationName == "Auth.AcquireToken managed_identity");
        recorder.AllTagValues().Should().NotContain(v => v.Contains("mi-token-secret", StringComparison.Ordinal) || v.Contains(ManagedIdentity.ManagedIdentityHarness.Secret, StringComparison.Ordinal));
    }

    [Test]
    public async Task NoListener_InstrumentedHit_AllocatesNoMoreThanTheFlowAlone()
    {
        var flow = new ClientCredentialFlow(TestRuntime.Create(new RecordingNetworkClient(AppToken), _time, authenticator: new FakeAuthenticator()));
        var request = new ClientCredentialRequest { Scopes = ["api://x/.default"], CorrelationId = Guid.NewGuid() };
        await flow.AcquireAsync(request, CancellationToken.None);
        Assume.That(AuthInstruments.AcquisitionObserved, Is.False, "another listener is attached in this process");

        var bare = BytesPerHit(() => flow.AcquireAsync(request, CancellationToken.None));
        var instrumented = BytesPerHit(() => AcquisitionTelemetry.Run(AuthFlow.ClientCredentials, flow, request, static (f, r, ct) => f.AcquireAsync(r, ct), CancellationToken.None));

        bare.Should().BeGreaterThan(0);
        instrumented.Should().Be(bare);
    }

    private static long BytesPerHit(Func<Task<AuthenticationResult>> hit)
    {
        const int Calls = 1_000;
        for (var i = 0; i < 100; i++)
        {
            hit().Result.Source.Should().Be(TokenSource.Cache);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            if (!hit().IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("a hit completed asynchronously");
            }
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    private static Dictionary<string, object?> Tags(params (string Name, object Value)[] tags) => tags.ToDictionary(t => t.Name, t => (object?)t.Value);

    private Common.Platform.NetworkResponse AppToken(Common.Platform.NetworkRequest request) => RecordingNetworkClient.Json(
        200, $$"""{"token_type":"Bearer","expires_in":3600,"access_token":"app-token-{{Interlocked.Increment(ref _issued)}}-secret"}""");

    private TokenClient Client(Common.Platform.INetworkClient network) => new(new TokenClientOptions
    {
        ClientId = "client1",
        Authority = TestRuntime.Authority,
        AuthorityMetadataJson = TestRuntime.Metadata,
        EnableInstanceDiscovery = false,
        NetworkClient = network,
        CryptoProvider = new TestCrypto(),
        ClientAuthenticator = new FakeAuthenticator(),
        TimeProvider = _time,
        RetryOnServerError = false,
    });
}
