using Auth.Common.Errors;
using Auth.Common.Grants.DeviceCode;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DeviceCodeFlowTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly UserTokenServer _server;
    private readonly DeviceCodeFlow _flow;
    private DeviceCodeInfo? _shown;

    public DeviceCodeFlowTests()
    {
        _server = new UserTokenServer(_time);
        _flow = new DeviceCodeFlow(new UserTokenExchange(TestRuntime.Create(_server.Network, _time)));
    }

    private DeviceCodeRequest Request(TimeSpan? timeout = null) => new()
    {
        Scopes = ["api://x/read"],
        DeviceCodeCallback = (info, _) =>
        {
            _shown = info;
            return Task.CompletedTask;
        },
        Timeout = timeout,
    };

    /// <summary>Advances the fake clock a second at a time until <paramref name="task"/> ends.</summary>
    private async Task<T> Drive<T>(Task<T> task)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        return await task;
    }

    private static (int, string) Error(string error) => (400, $$"""{"error":"{{error}}","error_description":"{{error}}"}""");

    [TestCase("""{"device_code":"dc","user_code":"U","verification_uri":"http://login.example.com/device"}""")]
    [TestCase("""{"device_code":"dc","user_code":"U","verification_uri":"javascript:alert(1)"}""")]
    [TestCase("""{"device_code":"dc","user_code":"U","verification_uri":"file:///etc/passwd"}""")]
    [TestCase("""{"device_code":"dc","user_code":"U","verification_uri":"https://login.example.com/device","verification_uri_complete":"http://evil.example/device?code=U"}""")]
    public async Task DeviceCode_VerificationUriNotHttps_IsInvalidResponseAndTheUserIsNotShownIt(string answer)
    {
        _server.DeviceCodeResponse = answer;

        var act = () => Drive(_flow.AcquireAsync(Request(), CancellationToken.None));

        var error = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.InvalidResponse);
        error.Message.Should().Contain("not https");
        _shown.Should().BeNull("the callback never sees a URI the user must not open");
        _server.TokenRequests.Should().Be(0);
    }

    [Test]
    public async Task Poll_PendingThenSlowDownThenSuccess_PollsThreeTimesAtTheRightIntervals()
    {
        _server.Scripted.Enqueue(Error("authorization_pending"));
        _server.Scripted.Enqueue(Error("slow_down"));
        var start = _time.GetUtcNow();

        var result = await Drive(_flow.AcquireAsync(Request(), CancellationToken.None));

        result.AccessToken.Should().Be("at-1");
        _server.TokenRequestTimes.Select(t => (t - start).TotalSeconds).Should().Equal(5, 10, 20);
        _shown!.UserCode.Should().Be("ABCD-EFGH");
        _shown.VerificationUri.Should().Be(new Uri("https://login.example.com/device"));
        _shown.Interval.Should().Be(TimeSpan.FromSeconds(5));
        _shown.Message.Should().Contain("ABCD-EFGH");
        var poll = _server.Network.Requests.Last().Form!;
        poll.Should().Contain(new KeyValuePair<string, string>("grant_type", "urn:ietf:params:oauth:grant-type:device_code"))
            .And.Contain(new KeyValuePair<string, string>("device_code", "dc"));
    }

    [TestCase("expired_token")]
    [TestCase("access_denied")]
    public async Task Poll_TerminalError_EndsWithServiceException(string error)
    {
        _server.Scripted.Enqueue(Error("authorization_pending"));
        _server.Scripted.Enqueue(Error(error));

        var act = () => Drive(_flow.AcquireAsync(Request(), CancellationToken.None));

        (await act.Should().ThrowAsync<AuthServiceException>()).Which.Code.Should().Be(error);
        _server.TokenRequests.Should().Be(2);
    }

    [Test]
    public async Task Poll_Timeout_EndsWithOperationTimedOut()
    {
        for (var i = 0; i < 100; i++)
        {
            _server.Scripted.Enqueue(Error("authorization_pending"));
        }

        var act = () => Drive(_flow.AcquireAsync(Request(TimeSpan.FromSeconds(30)), CancellationToken.None));

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.OperationTimedOut);
        _server.TokenRequests.Should().Be(5, "polls at 5, 10, 15, 20, 25 s; at 30 s the deadline has passed");
    }

    [Test]
    public async Task Poll_Cancelled_EndsPromptly()
    {
        using var cts = new CancellationTokenSource();
        var task = _flow.AcquireAsync(Request(), cts.Token);

        await cts.CancelAsync();

        await FluentActions.Awaiting(() => task).Should().ThrowAsync<OperationCanceledException>();
        _server.TokenRequests.Should().Be(0);
    }
}
