using Auth.Common.Errors;
using Auth.Common.Grants.ClientCredentials;
using Auth.Common.Requests;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Protocol;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ThrottlingTests
{
    private static readonly ClientCredentialRequest Request = new() { Scopes = ["api://x/.default"], SkipCache = true };
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly Queue<(int Status, string Body, (string, string)[] Headers)> _answers = new();
    private readonly RecordingNetworkClient _network;
    private readonly ClientCredentialFlow _flow;

    public ThrottlingTests()
    {
        _network = new RecordingNetworkClient(_ => _answers.TryDequeue(out var a)
            ? RecordingNetworkClient.Json(a.Status, a.Body, a.Headers)
            : RecordingNetworkClient.Json(200, """{"token_type":"Bearer","expires_in":3600,"access_token":"ok"}"""));
        _flow = new ClientCredentialFlow(TestRuntime.Create(_network, _time, authenticator: new FakeAuthenticator()));
    }

    private Task<Auth.Common.Responses.AuthenticationResult> Acquire(ClientCredentialRequest? request = null) => _flow.AcquireAsync(request ?? Request, CancellationToken.None);

    [Test]
    public async Task Throttled429_IdenticalRequestFailsFastUntilRetryAfterPasses()
    {
        _answers.Enqueue((429, """{"error":"temporarily_unavailable","error_codes":[50196]}""", [("Retry-After", "30")]));
        await FluentActions.Awaiting(() => Acquire()).Should().ThrowAsync<AuthServiceException>();

        var second = await FluentActions.Awaiting(() => Acquire()).Should().ThrowAsync<AuthServiceException>();
        _time.Advance(TimeSpan.FromSeconds(31));
        await Acquire();

        second.Which.Code.Should().Be(AuthErrorCodes.RequestThrottled);
        second.Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
        second.Which.ErrorCodes.Should().Equal(50196);
        _network.Requests.Should().HaveCount(2, "the throttled repeat never reached the server");
    }

    [Test]
    public async Task Throttled_OtherScopes_AreNotThrottled()
    {
        _answers.Enqueue((429, """{"error":"temporarily_unavailable"}""", [("Retry-After", "30")]));
        await FluentActions.Awaiting(() => Acquire()).Should().ThrowAsync<AuthServiceException>();

        await Acquire(Request with { Scopes = ["api://other/.default"] });

        _network.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task ServiceUnavailableWithRetryAfter_IsThrottled()
    {
        _answers.Enqueue((503, "busy", [("Retry-After", "10")]));
        await FluentActions.Awaiting(() => Acquire()).Should().ThrowAsync<AuthServiceException>();

        await FluentActions.Awaiting(() => Acquire()).Should().ThrowAsync<AuthServiceException>();

        _network.Requests.Should().HaveCount(1);
    }

    [Test]
    public async Task InvalidGrantOrServerErrorWithoutRetryAfter_IsNotThrottled()
    {
        _answers.Enqueue((400, """{"error":"invalid_scope"}""", []));
        _answers.Enqueue((500, "oops", []));
        await FluentActions.Awaiting(() => Acquire()).Should().ThrowAsync<AuthServiceException>();
        await FluentActions.Awaiting(() => Acquire()).Should().ThrowAsync<AuthServiceException>();

        await Acquire();

        _network.Requests.Should().HaveCount(3);
    }
}
