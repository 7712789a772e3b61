using Auth.Common.Errors;
using Auth.Common.Grants.ClientCredentials;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClientCredentialFlowTests
{
    private static readonly ClientCredentialRequest Request = new() { Scopes = ["api://x/.default"] };

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private int _issued;

    private RecordingNetworkClient TokenServer(int expiresIn = 3600, int? refreshIn = null) => new(_ =>
    {
        var n = Interlocked.Increment(ref _issued);
        var refresh = refreshIn is { } r ? $",\"refresh_in\":{r}" : string.Empty;
        return RecordingNetworkClient.Json(200, $$"""{"token_type":"Bearer","expires_in":{{expiresIn}}{{refresh}},"access_token":"token-{{n}}"}""");
    });

    [Test]
    public async Task AcquireAsync_SecondCall_IsServedFromCacheWithoutRequest()
    {
        var network = TokenServer();
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator()));

        var first = await flow.AcquireAsync(Request, CancellationToken.None);
        var second = await flow.AcquireAsync(Request, CancellationToken.None);

        first.Source.Should().Be(TokenSource.IdentityProvider);
        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        network.Requests.Should().HaveCount(1);
    }

    [Test]
    public async Task AcquireAsync_SentForm_HasGrantClientAndScope()
    {
        var network = TokenServer();
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator()));

        await flow.AcquireAsync(Request with { CorrelationId = Guid.Parse("11111111-2222-3333-4444-555555555555") }, CancellationToken.None);

        var sent = network.Requests.Single();
        sent.Uri.AbsoluteUri.Should().Be("https://login.example.com/tenant1/oauth2/v2.0/token");
        sent.Form.Should().Contain(new KeyValuePair<string, string>("grant_type", "client_credentials"))
            .And.Contain(new KeyValuePair<string, string>("client_id", "client1"))
            .And.Contain(new KeyValuePair<string, string>("scope", "api://x/.default"))
            .And.Contain(new KeyValuePair<string, string>("client_secret", "test-secret"));
        sent.CorrelationId.Should().Be(Guid.Parse("11111111-2222-3333-4444-555555555555"));
    }

    [Test]
    public async Task AcquireAsync_AfterExpiryMinusSkew_MakesExactlyOneNewRequest()
    {
        var network = TokenServer(expiresIn: 3600);
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator()));
        await flow.AcquireAsync(Request, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await flow.AcquireAsync(Request, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var renewed = await flow.AcquireAsync(Request, CancellationToken.None);
        var cachedAgain = await flow.AcquireAsync(Request, CancellationToken.None);

        stillCached.Source.Should().Be(TokenSource.Cache);
        renewed.Source.Should().Be(TokenSource.IdentityProvider);
        renewed.AccessToken.Should().Be("token-2");
        cachedAgain.AccessToken.Should().Be("token-2");
        network.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task AcquireAsync_100ConcurrentCallersOnColdCache_MakeOneRequest()
    {
        var gate = new TaskCompletionSource();
        var network = new RecordingNetworkClient(async _ =>
        {
            await gate.Task;
            return RecordingNetworkClient.Json(200, """{"token_type":"Bearer","expires_in":3600,"access_token":"shared"}""");
        });
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator()));

        var callers = Enumerable.Range(0, 100).Select(_ => Task.Run(() => flow.AcquireAsync(Request, CancellationToken.None))).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        gate.SetResult();
        var results = await Task.WhenAll(callers);

        network.Requests.Should().HaveCount(1);
        results.Should().AllSatisfy(r => r.AccessToken.Should().Be("shared"));
    }

    [Test]
    public async Task AcquireAsync_PastRefreshOn_RefreshesAndReturnsTheNewToken()
    {
        var network = TokenServer(expiresIn: 7200, refreshIn: 3600);
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator()));
        var first = await flow.AcquireAsync(Request, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(61));
        var second = await flow.AcquireAsync(Request, CancellationToken.None);

        first.RefreshOn.Should().Be(_time.Start.AddHours(1));
        second.Source.Should().Be(TokenSource.IdentityProvider);
        second.AccessToken.Should().Be("token-2");
    }

    [Test]
    public async Task AcquireAsync_PastRefreshOnAndAuthorityDown_ReturnsTheStillValidCachedToken()
    {
        var calls = 0;
        var network = new RecordingNetworkClient(_ => ++calls == 1
            ? RecordingNetworkClient.Json(200, """{"token_type":"Bearer","expires_in":7200,"refresh_in":3600,"access_token":"old"}""")
            : RecordingNetworkClient.Json(503, "down"));
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator()));
        await flow.AcquireAsync(Request, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(61));
        var result = await flow.AcquireAsync(Request, CancellationToken.None);

        result.AccessToken.Should().Be("old");
        result.Source.Should().Be(TokenSource.Cache);
        calls.Should().Be(2);
    }

    [Test]
    public async Task AcquireAsync_SkipCacheOrClaims_GoToTheNetwork()
    {
        var network = TokenServer();
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator()));
        await flow.AcquireAsync(Request, CancellationToken.None);

        var skipped = await flow.AcquireAsync(Request with { SkipCache = true }, CancellationToken.None);
        var claims = await flow.AcquireAsync(Request with { Claims = """{"access_token":{"xms_cc":{"values":["cp1"]}}}""" }, CancellationToken.None);

        skipped.Source.Should().Be(TokenSource.IdentityProvider);
        claims.Source.Should().Be(TokenSource.IdentityProvider);
        network.Requests.Should().HaveCount(3);
        network.Requests.Last().Form.Should().Contain(p => p.Key == "claims");
    }

    [Test]
    public async Task AcquireAsync_DifferentTenants_AreCachedSeparately()
    {
        var network = TokenServer();
        var runtime = TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator());
        runtime.Metadata.Seed(
            Common.Authority.AuthorityInfo.Parse("https://login.example.com/tenant2", Common.Authority.ProtocolMode.AzureAD, false),
            """{"issuer":"https://login.example.com/tenant2/v2.0","token_endpoint":"https://login.example.com/tenant2/oauth2/v2.0/token"}""");
        var flow = new ClientCredentialFlow(runtime);

        var t1 = await flow.AcquireAsync(Request, CancellationToken.None);
        var t2 = await flow.AcquireAsync(Request with { Authority = "https://login.example.com/tenant2" }, CancellationToken.None);

        t2.AccessToken.Should().NotBe(t1.AccessToken);
        t2.TenantId.Should().Be("tenant2");
    }

    [TestCase("(none)")]
    [TestCase("")]
    [TestCase("a b")]
    [TestCase("api://x/.default| ")]
    public async Task AcquireAsync_BadScopes_IsInvalidRequestWithoutNetwork(string scopeList)
    {
        var scopes = scopeList == "(none)" ? [] : scopeList.Split('|');
        var network = TokenServer();
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator()));

        var act = () => flow.AcquireAsync(new ClientCredentialRequest { Scopes = scopes }, CancellationToken.None);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidRequest);
        network.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task AcquireAsync_ServiceError_IsThrownAndNotCached()
    {
        var calls = 0;
        var network = new RecordingNetworkClient(_ => ++calls == 1
            ? RecordingNetworkClient.Json(400, """{"error":"invalid_scope","error_codes":[70011]}""")
            : RecordingNetworkClient.Json(200, """{"token_type":"Bearer","expires_in":3600,"access_token":"ok"}"""));
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator()));

        var act = () => flow.AcquireAsync(Request, CancellationToken.None);
        (await act.Should().ThrowAsync<AuthServiceException>()).Which.Code.Should().Be("invalid_scope");
        var next = await flow.AcquireAsync(Request, CancellationToken.None);

        next.AccessToken.Should().Be("ok");
    }

    // Found by the token response fuzz target: "ext_expires_in":"8301205957974049" overflowed DateTimeOffset (ArgumentOutOfRangeException).
    [TestCase("9223372036854775807", "8301205957974049")]
    [TestCase("3599", "9223372036854775807")]
    public async Task AcquireAsync_HugeLifetimes_SaturateAtYear9999(string expiresIn, string extExpiresIn)
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(
            200, $$"""{"token_type":"Bearer","expires_in":"{{expiresIn}}","ext_expires_in":"{{extExpiresIn}}","refresh_in":"{{extExpiresIn}}","access_token":"t"}"""));
        var flow = new ClientCredentialFlow(TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator()));

        var result = await flow.AcquireAsync(Request, CancellationToken.None);
        var cached = await flow.AcquireAsync(Request, CancellationToken.None);

        result.ExtendedExpiresOn.Should().Be(DateTimeOffset.FromUnixTimeSeconds(253_402_300_799));
        result.ExpiresOn.Should().BeAfter(_time.GetUtcNow());
        cached.Source.Should().Be(TokenSource.Cache);
    }
}
