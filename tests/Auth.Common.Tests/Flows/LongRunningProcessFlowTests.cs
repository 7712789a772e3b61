using Auth.Common.Errors;
using Auth.Common.Grants.OnBehalfOf;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Runtime;
using Auth.Common.Tests.TestDoubles;
using Auth.Common.Threading;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class LongRunningProcessFlowTests
{
    private const string AdaToken = "incoming.ada.token";
    private const string BobToken = "incoming.bob.token";
    private static readonly string[] Scopes = ["api://x/read"];
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly UserTokenServer _server;
    private readonly ClientRuntime _runtime;
    private readonly OnBehalfOfFlow _onBehalfOf;
    private readonly LongRunningProcessFlow _sessions;

    public LongRunningProcessFlowTests()
    {
        _server = new UserTokenServer(_time);
        _runtime = TestRuntime.Create(_server.Network, _time, authenticator: new FakeAuthenticator());
        var exchange = new UserTokenExchange(_runtime);
        var flights = new SerializedFlight<AuthenticationResult>();
        _onBehalfOf = new OnBehalfOfFlow(exchange, flights);
        _sessions = new LongRunningProcessFlow(exchange, flights);
    }

    private Task<LongRunningProcessResult> Initiate(string assertion, string? sessionKey) =>
        _onBehalfOf.InitiateAsync(new OnBehalfOfRequest { Scopes = Scopes, OboAssertion = assertion }, sessionKey, CancellationToken.None);

    private Task<AuthenticationResult> Continue(string sessionKey, bool forceRefresh = false, string? claims = null) =>
        _sessions.AcquireAsync(new LongRunningProcessRequest { Scopes = Scopes, SessionKey = sessionKey, ForceRefresh = forceRefresh, Claims = claims }, CancellationToken.None);

    [Test]
    public async Task Initiate_NoKey_UsesTheAssertionHashAndExchangesTheAssertion()
    {
        var started = await Initiate(AdaToken, sessionKey: null);

        started.SessionKey.Should().Be(new TestCrypto().Sha256Base64Url(AdaToken));
        started.Result.Source.Should().Be(TokenSource.IdentityProvider);
        _server.Network.Requests.Single().Form.Should().Contain(new KeyValuePair<string, string>("assertion", AdaToken));
    }

    [Test]
    public async Task Initiate_WithKey_KeepsTheTokensUnderTheKeyOnly()
    {
        var started = await Initiate(AdaToken, "job-42");

        started.SessionKey.Should().Be("job-42");
        var partition = _runtime.Cache.Store.Find("job-42")!;
        partition.AccessTokens.Should().ContainSingle().Which.UserAssertionHash.Should().Be("job-42");
        partition.RefreshTokens.Should().ContainSingle().Which.UserAssertionHash.Should().Be("job-42");
        _runtime.Cache.Store.Partitions.Should().ContainSingle();
    }

    [Test]
    public async Task Initiate_EvenWithAFreshCachedToken_ExchangesTheAssertion()
    {
        await Initiate(AdaToken, "job-42");

        var again = await Initiate(AdaToken, "job-42");

        again.Result.Source.Should().Be(TokenSource.IdentityProvider);
        _server.Network.Requests.Should().HaveCount(2).And.OnlyContain(r => r.Form!.Any(f => f.Key == "assertion"));
    }

    [Test]
    public async Task Initiate_AgainForAnotherUser_ReplacesTheSessionsTokens()
    {
        await Initiate(AdaToken, "job-42");
        _server.Oid = "oid-2";

        await Initiate(BobToken, "job-42");

        var partition = _runtime.Cache.Store.Find("job-42")!;
        partition.RefreshTokens.Should().ContainSingle().Which.HomeAccountId.Should().Be("oid-2.tid-1");
        partition.AccessTokens.Should().ContainSingle().Which.HomeAccountId.Should().Be("oid-2.tid-1");
    }

    [Test]
    public async Task Acquire_FreshToken_IsServedFromTheCacheWithTheKeyAlone()
    {
        var started = await Initiate(AdaToken, "job-42");

        var later = await Continue("job-42");

        later.Source.Should().Be(TokenSource.Cache);
        later.AccessToken.Should().Be(started.Result.AccessToken);
        _server.TokenRequests.Should().Be(1);
    }

    [Test]
    public async Task Acquire_Expired_RedeemsTheSessionsRefreshTokenAndKeepsTheNewTokensUnderTheKey()
    {
        await Initiate(AdaToken, "job-42");
        _time.Advance(TimeSpan.FromHours(2));

        var later = await Continue("job-42");
        var again = await Continue("job-42");

        later.Source.Should().Be(TokenSource.IdentityProvider);
        later.AccessToken.Should().Be("at-2");
        var sent = _server.Network.Requests.Last().Form!;
        sent.Should().Contain(new KeyValuePair<string, string>("grant_type", "refresh_token")).And.Contain(new KeyValuePair<string, string>("refresh_token", "rt-1"))
            .And.NotContain(f => f.Key == "assertion");
        again.Source.Should().Be(TokenSource.Cache);
        var partition = _runtime.Cache.Store.Find("job-42")!;
        partition.RefreshTokens.Should().ContainSingle().Which.Secret.Should().Be("rt-2");
        partition.AccessTokens.Should().ContainSingle().Which.UserAssertionHash.Should().Be("job-42");
    }

    [Test]
    public async Task Acquire_ForceRefreshOrClaims_SkipTheCacheAndUseTheRefreshToken()
    {
        await Initiate(AdaToken, "job-42");

        var forced = await Continue("job-42", forceRefresh: true);
        var withClaims = await Continue("job-42", claims: """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""");

        forced.Source.Should().Be(TokenSource.IdentityProvider);
        withClaims.Source.Should().Be(TokenSource.IdentityProvider);
        var sent = _server.Network.Requests.Last().Form!;
        sent.Should().Contain(new KeyValuePair<string, string>("refresh_token", "rt-2"));
        sent.Should().Contain(f => f.Key == "claims" && f.Value.Contains("acrs", StringComparison.Ordinal));
    }

    [Test]
    public async Task Acquire_NeverInitiated_IsSessionNotFoundWithoutARequest()
    {
        await Initiate(AdaToken, "job-42");

        var act = () => Continue("job-7");

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.LongRunningSessionNotFound);
        _server.TokenRequests.Should().Be(1);
    }

    [Test]
    public async Task Stop_RemovesTheSession_ThenAcquireIsSessionNotFound()
    {
        await Initiate(AdaToken, "job-42");
        await Initiate(AdaToken, "job-43");

        var stopped = await _sessions.StopAsync("job-42", CancellationToken.None);
        var stoppedAgain = await _sessions.StopAsync("job-42", CancellationToken.None);
        var act = () => Continue("job-42");

        stopped.Should().BeTrue();
        stoppedAgain.Should().BeFalse();
        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.LongRunningSessionNotFound);
        (await Continue("job-43")).Source.Should().Be(TokenSource.Cache, "other sessions stay");
    }

    [Test]
    public async Task Obo_AfterInitiateWithoutKey_SharesTheAssertionsPartition()
    {
        await Initiate(AdaToken, sessionKey: null);

        var obo = await _onBehalfOf.AcquireAsync(new OnBehalfOfRequest { Scopes = Scopes, OboAssertion = AdaToken }, CancellationToken.None);

        obo.Source.Should().Be(TokenSource.Cache);
    }

    [TestCase("")]
    [TestCase("  ")]
    public async Task EmptySessionKey_IsInvalidRequest(string key)
    {
        var initiate = () => Initiate(AdaToken, key);
        var acquire = () => Continue(key);
        var stop = async () => await _sessions.StopAsync(key, CancellationToken.None);

        (await initiate.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidRequest);
        (await acquire.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidRequest);
        (await stop.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidRequest);
        _server.Network.Requests.Should().BeEmpty();
    }
}
