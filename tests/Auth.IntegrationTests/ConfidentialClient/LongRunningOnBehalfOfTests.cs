using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.IntegrationTests.Load;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.ConfidentialClient;

/// <summary>
/// Long-running on-behalf-of against the fake authority over HTTPS: a web API instance starts the session with the
/// user's token; a job on another instance, sharing only the cache plugin's store, continues it with the key alone.
/// </summary>
[TestFixture]
public sealed class LongRunningOnBehalfOfTests
{
    private const string ApiId = "middle-tier-api";
    private const string Secret = "api-secret";
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static readonly string[] Downstream = ["api://downstream/read"];
    private FakeAuthority _authority = null!;
    private FakeTimeProvider _time = null!;
    private PartitionBlobPlugin _store = null!;

    [SetUp]
    public void Start()
    {
        // The authority and both instances share one clock, so "two hours later" holds for the tokens it issues too.
        _time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        _authority = FakeAuthority.Start(new FakeAuthorityOptions { TimeProvider = _time });
        _authority.RegisterClient(ApiId, Secret);
        _store = new PartitionBlobPlugin();
    }

    [TearDown]
    public void Stop() => _authority.Dispose();

    private ConfidentialClientApplication Instance() => new(new ConfidentialClientOptions
    {
        ClientId = ApiId,
        Authority = _authority.Authority,
        ClientSecret = Secret,
        TimeProvider = _time,
        CachePlugin = _store,
        NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient()),
    });

    private OnBehalfOfRequest UserRequest() => new()
    {
        Scopes = Downstream,
        OboAssertion = _authority.IssueUserAccessToken(_authority.DefaultUser, ApiId, [$"api://{ApiId}/access_as_user"]),
    };

    private static LongRunningProcessRequest Job(string sessionKey) => new() { Scopes = Downstream, SessionKey = sessionKey };

    [Test]
    public async Task Session_ContinuedOnAnotherInstance_RefreshesWithTheOboRefreshTokenAfterExpiry()
    {
        var webApi = Instance();
        var worker = Instance();
        var started = await webApi.InitiateLongRunningProcessInWebApiAsync(UserRequest(), "job-1");

        var fromStore = await worker.AcquireTokenInLongRunningProcessAsync(Job("job-1"));
        _time.Advance(TimeSpan.FromHours(2));
        var renewed = await worker.AcquireTokenInLongRunningProcessAsync(Job("job-1"));
        var backOnTheWebApi = await webApi.AcquireTokenInLongRunningProcessAsync(Job("job-1"));

        started.SessionKey.Should().Be("job-1");
        started.Result.Source.Should().Be(TokenSource.IdentityProvider);
        _store.Blobs.Keys.Should().Contain("job-1", "the session is persisted under its key");
        fromStore.Source.Should().Be(TokenSource.Cache);
        fromStore.AccessToken.Should().Be(started.Result.AccessToken);
        renewed.Source.Should().Be(TokenSource.IdentityProvider);
        renewed.AccessToken.Should().NotBe(started.Result.AccessToken);
        renewed.Account!.Username.Should().Be(_authority.DefaultUser.Username);
        _authority.RequestCount(JwtBearer).Should().Be(1, "the user's token is exchanged once, when the session starts");
        _authority.RequestCount("refresh_token").Should().Be(1);
        _authority.TokenRequests[^1].Form.Should().NotContainKey("assertion");
        backOnTheWebApi.Source.Should().Be(TokenSource.Cache);
        backOnTheWebApi.AccessToken.Should().Be(renewed.AccessToken, "the renewed tokens were stored under the same key");
    }

    [Test]
    public async Task Session_WithoutKey_IsKeyedByTheAssertionHash()
    {
        var webApi = Instance();
        var worker = Instance();

        var started = await webApi.InitiateLongRunningProcessInWebApiAsync(UserRequest(), sessionKey: null);
        var later = await worker.AcquireTokenInLongRunningProcessAsync(Job(started.SessionKey));

        started.SessionKey.Should().MatchRegex("^[A-Za-z0-9_-]{43}$", "a SHA-256 hash, base64url");
        _store.Blobs.Keys.Should().Contain(started.SessionKey);
        later.AccessToken.Should().Be(started.Result.AccessToken);
    }

    [Test]
    public async Task Session_StoppedOnOneInstance_IsNotFoundOnTheOther()
    {
        var webApi = Instance();
        var worker = Instance();
        await webApi.InitiateLongRunningProcessInWebApiAsync(UserRequest(), "job-1");
        await worker.AcquireTokenInLongRunningProcessAsync(Job("job-1"));

        var stopped = await webApi.StopLongRunningProcessInWebApiAsync("job-1");
        var act = () => worker.AcquireTokenInLongRunningProcessAsync(Job("job-1"));

        stopped.Should().BeTrue();
        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.LongRunningSessionNotFound);
        error.Message.Should().Contain("InitiateLongRunningProcessInWebApiAsync");
        _authority.TokenRequests.Should().ContainSingle("neither instance asked the authority after the start");
    }

    [Test]
    public async Task Session_NeverInitiated_IsNotFound()
    {
        var worker = Instance();

        var act = () => worker.AcquireTokenInLongRunningProcessAsync(Job("job-unknown"));

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.LongRunningSessionNotFound);
        _authority.TokenRequests.Should().BeEmpty();
    }

    [Test]
    public async Task Session_RefreshTokenRevoked_IsInteractionRequired()
    {
        var webApi = Instance();
        await webApi.InitiateLongRunningProcessInWebApiAsync(UserRequest(), "job-1");
        _authority.RevokeRefreshTokens();
        _time.Advance(TimeSpan.FromHours(2));

        var act = () => webApi.AcquireTokenInLongRunningProcessAsync(Job("job-1"));

        (await act.Should().ThrowAsync<InteractionRequiredException>()).Which.Code.Should().Be("invalid_grant");
    }
}
