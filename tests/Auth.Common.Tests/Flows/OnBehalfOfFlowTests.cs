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
public sealed class OnBehalfOfFlowTests
{
    private const string AdaToken = "incoming.ada.token";
    private const string BobToken = "incoming.bob.token";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly UserTokenServer _server;
    private readonly ClientRuntime _runtime;
    private readonly OnBehalfOfFlow _flow;

    public OnBehalfOfFlowTests()
    {
        _server = new UserTokenServer(_time);
        _runtime = TestRuntime.Create(_server.Network, _time, authenticator: new FakeAuthenticator());
        _flow = new OnBehalfOfFlow(new UserTokenExchange(_runtime), new SerializedFlight<AuthenticationResult>());
    }

    private Task<AuthenticationResult> Obo(string assertion, bool skipCache = false) =>
        _flow.AcquireAsync(new OnBehalfOfRequest { Scopes = ["api://x/read"], OboAssertion = assertion, SkipCache = skipCache }, CancellationToken.None);

    [Test]
    public async Task Obo_SendsTheJwtBearerGrantWithTheCredential()
    {
        await Obo(AdaToken);

        var form = _server.Network.Requests.Single().Form!;
        form.Should().Contain(new KeyValuePair<string, string>("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"))
            .And.Contain(new KeyValuePair<string, string>("requested_token_use", "on_behalf_of"))
            .And.Contain(new KeyValuePair<string, string>("assertion", AdaToken))
            .And.Contain(new KeyValuePair<string, string>("client_secret", "test-secret"))
            .And.Contain(new KeyValuePair<string, string>("scope", "api://x/read openid profile offline_access"));
    }

    [Test]
    public async Task Obo_SameAssertion_ExactKeyOrScan_AreCacheHits()
    {
        // The server grants "api://x/read openid profile": asking for exactly that finds the entry by
        // its key, asking for a subset or another order finds it by scanning the assertion's partition.
        var ask = (string[] scopes) => _flow.AcquireAsync(new OnBehalfOfRequest { Scopes = scopes, OboAssertion = AdaToken }, CancellationToken.None);
        var first = await ask(["api://x/read"]);

        var exact = await ask(["api://x/read", "openid", "profile"]);
        var reordered = await ask(["profile", "api://x/read"]);
        var subset = await ask(["api://x/read"]);

        new[] { exact, reordered, subset }.Should().OnlyContain(r => r.Source == TokenSource.Cache && r.AccessToken == first.AccessToken);
        _server.Network.Requests.Should().HaveCount(1);
    }

    [Test]
    public async Task Obo_SameAssertion_IsACacheHit()
    {
        var first = await Obo(AdaToken);

        var second = await Obo(AdaToken);

        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        second.Account!.HomeAccountId.Should().Be(first.Account!.HomeAccountId);
        _server.TokenRequests.Should().Be(1);
    }

    [Test]
    public async Task Obo_AnotherAssertion_NeverSeesTheFirstUsersTokens()
    {
        var ada = await Obo(AdaToken);
        _server.Oid = "oid-2";

        var bob = await Obo(BobToken);

        bob.Source.Should().Be(TokenSource.IdentityProvider);
        bob.AccessToken.Should().NotBe(ada.AccessToken);
        _server.Network.Requests.Last().Form.Should().Contain(new KeyValuePair<string, string>("assertion", BobToken));
    }

    [Test]
    public async Task Obo_ExpiredToken_IsRenewedWithTheOboRefreshToken()
    {
        await Obo(AdaToken);
        _time.Advance(TimeSpan.FromHours(1));

        var renewed = await Obo(AdaToken);

        renewed.Source.Should().Be(TokenSource.IdentityProvider);
        _server.Network.Requests.Last().Form.Should().Contain(new KeyValuePair<string, string>("refresh_token", "rt-1"))
            .And.NotContain(p => p.Key == "assertion");
    }

    [Test]
    public async Task Obo_TwoScopeSetsExpiredAtOnce_RedeemTheRefreshTokenOnce()
    {
        var bodies = new UserTokenServer(_time);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var network = new RecordingNetworkClient(async request =>
        {
            if (request.Form!.Any(f => f is { Key: "grant_type", Value: "refresh_token" }))
            {
                await release.Task;
            }

            return RecordingNetworkClient.Json(200, bodies.Success());
        });
        var flow = new OnBehalfOfFlow(new UserTokenExchange(TestRuntime.Create(network, _time, authenticator: new FakeAuthenticator())), new SerializedFlight<AuthenticationResult>());
        var ask = (string[] scopes) => flow.AcquireAsync(new OnBehalfOfRequest { Scopes = scopes, OboAssertion = AdaToken }, CancellationToken.None);
        await ask(["api://x/read"]);
        _time.Advance(TimeSpan.FromHours(1));

        // Different scope sets do not share one request, but they must not both redeem rt-1.
        var first = ask(["api://x/read"]);
        var second = ask(["openid", "api://x/read"]);
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        release.SetResult();
        await Task.WhenAll(first, second);

        network.Requests.Select(r => r.Form!.FirstOrDefault(f => f.Key == "refresh_token").Value).Where(v => v is not null)
            .Should().OnlyHaveUniqueItems().And.Contain("rt-1");
    }

    [Test]
    public async Task Obo_RefreshTokenRejected_FallsBackToTheAssertion()
    {
        await Obo(AdaToken);
        _time.Advance(TimeSpan.FromHours(1));
        _server.Scripted.Enqueue((400, """{"error":"invalid_grant","error_codes":[70008]}"""));

        var renewed = await Obo(AdaToken);

        renewed.AccessToken.Should().Be("at-2");
        _server.Network.Requests.Last().Form.Should().Contain(new KeyValuePair<string, string>("assertion", AdaToken));
    }

    [Test]
    public async Task Obo_TokensLiveInTheAssertionHashPartitionOnly()
    {
        await Obo(AdaToken);

        var hash = new TestCrypto().Sha256Base64Url(AdaToken);
        var partition = _runtime.Cache.Store.Find(hash)!;
        partition.AccessTokens.Should().ContainSingle().Which.UserAssertionHash.Should().Be(hash);
        partition.RefreshTokens.Should().ContainSingle().Which.UserAssertionHash.Should().Be(hash);
        partition.Accounts.Should().BeEmpty();
        _runtime.Cache.Store.Partitions.Should().ContainSingle("no account or ID token is written outside the assertion's partition");
    }
}
