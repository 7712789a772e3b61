using System.Net;
using System.Text.Json;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityDeviceCodeTests : UserFlowFixture
{
    [Test]
    public async Task DeviceCode_Requested_ReturnsEntraShapedAnswer()
    {
        using var response = await Http.PostAsync(Authority.DeviceAuthorizationEndpoint, DeviceCodeForm());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await TokenClient.JsonAsync(response);
        var userCode = json.GetProperty("user_code").GetString()!;
        userCode.Should().MatchRegex("^[A-Z2-9]{9}$");
        json.GetProperty("device_code").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("verification_uri").GetString().Should().Be($"{Authority.BaseUri}devicelogin");
        json.GetProperty("expires_in").GetInt32().Should().Be(900);
        json.GetProperty("interval").GetInt32().Should().Be(5);
        json.GetProperty("message").GetString().Should().Be($"To sign in, use a web browser to open the page {Authority.BaseUri}devicelogin and enter the code {userCode} to authenticate.");
        Authority.PendingUserCodes.Should().Equal(userCode);
    }

    [Test]
    public async Task DeviceCode_PolledBeforeApproval_ReturnsAuthorizationPending()
    {
        var (deviceCode, _) = await RequestDeviceCodeAsync();

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Poll(ClientId, deviceCode));

        UserFlows.ShouldBeError(status, json, HttpStatusCode.BadRequest, "authorization_pending", 70016);
        Authority.RequestCount(UserFlows.DeviceCodeGrant).Should().Be(1);
    }

    [Test]
    public async Task DeviceCode_PolledSoonerThanInterval_ReturnsSlowDownAndTheIntervalGrowsBy5Seconds()
    {
        var (deviceCode, _) = await RequestDeviceCodeAsync();
        var poll = UserFlows.Poll(ClientId, deviceCode);
        await UserFlows.TokenAsync(Http, Authority, poll);

        Clock.Advance(TimeSpan.FromSeconds(2));
        var (_, tooSoon) = await UserFlows.TokenAsync(Http, Authority, poll);
        Clock.Advance(TimeSpan.FromSeconds(9));
        var (_, stillTooSoon) = await UserFlows.TokenAsync(Http, Authority, poll);
        Clock.Advance(TimeSpan.FromSeconds(15));
        var (_, patient) = await UserFlows.TokenAsync(Http, Authority, poll);

        tooSoon.GetProperty("error").GetString().Should().Be("slow_down");
        stillTooSoon.GetProperty("error").GetString().Should().Be("slow_down", "the interval grew to 10 seconds");
        patient.GetProperty("error").GetString().Should().Be("authorization_pending", "15 seconds is the grown interval");
    }

    [Test]
    public async Task ApproveDeviceCode_OtherUser_NextPollGetsTheirTokensOnce()
    {
        var grace = new FakeUser { Username = "grace@contoso.com", Password = "cobol", Name = "Grace Hopper" };
        var (deviceCode, userCode) = await RequestDeviceCodeAsync();
        Authority.ApproveDeviceCode(userCode.ToLowerInvariant(), grace);

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Poll(ClientId, deviceCode));
        var (_, again) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Poll(ClientId, deviceCode));

        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("refresh_token").GetString().Should().NotBeNullOrEmpty();
        var id = JwtInspector.Payload(json.GetProperty("id_token").GetString()!);
        id.GetProperty("oid").GetString().Should().Be(grace.ObjectId);
        id.GetProperty("name").GetString().Should().Be("Grace Hopper");
        id.GetProperty("auth_time").GetInt64().Should().Be(Clock.GetUtcNow().ToUnixTimeSeconds());
        JwtInspector.Payload(json.GetProperty("access_token").GetString()!).GetProperty("aud").GetString().Should().Be("api://orders");
        again.GetProperty("error").GetString().Should().Be("invalid_grant");
        Authority.PendingUserCodes.Should().BeEmpty();
    }

    [Test]
    public async Task DenyDeviceCode_NextPollGetsAccessDenied()
    {
        var (deviceCode, userCode) = await RequestDeviceCodeAsync();
        Authority.DenyDeviceCode(userCode);

        var (status, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Poll(ClientId, deviceCode));

        status.Should().Be(HttpStatusCode.BadRequest);
        json.GetProperty("error").GetString().Should().Be("access_denied");
    }

    [Test]
    public async Task DeviceCode_PolledAfterLifetime_ReturnsExpiredToken()
    {
        Authority.DeviceCodeLifetime = TimeSpan.FromMinutes(2);
        var (deviceCode, userCode) = await RequestDeviceCodeAsync();
        Clock.Advance(TimeSpan.FromMinutes(2));

        var (_, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Poll(ClientId, deviceCode));

        json.GetProperty("error").GetString().Should().Be("expired_token");
        UserFlows.ErrorCode(json).Should().Be(70019);
        Authority.Invoking(a => a.ApproveDeviceCode(userCode)).Should().Throw<InvalidOperationException>();
    }

    [Test]
    public async Task WaitForUserCodeAsync_CodesIssuedBeforeAndAfterWaiting_ReturnsEachOnceInOrder()
    {
        var (_, early) = await RequestDeviceCodeAsync();
        var first = await Authority.WaitForUserCodeAsync();
        var waiting = Authority.WaitForUserCodeAsync();
        var stillWaiting = !waiting.IsCompleted;

        var (_, late) = await RequestDeviceCodeAsync();

        first.Should().Be(early);
        stillWaiting.Should().BeTrue();
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(late);
    }

    [Test]
    public async Task AutoApproveDeviceCodes_On_FirstPollGetsTokensAtConfiguredInterval()
    {
        Authority.AutoApproveDeviceCodes = true;
        Authority.DeviceCodePollInterval = TimeSpan.FromSeconds(1.2);
        using var response = await Http.PostAsync(Authority.DeviceAuthorizationEndpoint, DeviceCodeForm());
        var issued = await TokenClient.JsonAsync(response);

        var (status, _) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Poll(ClientId, issued.GetProperty("device_code").GetString()!));

        issued.GetProperty("interval").GetInt32().Should().Be(2);
        status.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task DeviceCode_UnknownClient_Returns400UnauthorizedClient()
    {
        using var response = await Http.PostAsync(Authority.DeviceAuthorizationEndpoint, DeviceCodeForm("unknown-app"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        UserFlows.ErrorCode(await TokenClient.JsonAsync(response)).Should().Be(700016);
    }

    [Test]
    public async Task DeviceLoginPage_CodeAndPasswordPosted_ApprovesTheCodeForThatUser()
    {
        var (deviceCode, userCode) = await RequestDeviceCodeAsync();
        var page = new Uri(Authority.BaseUri, "devicelogin");

        var form = await Http.GetStringAsync(new Uri(page, $"?code={userCode}"));
        using var posted = await Http.PostAsync(page, DeviceLoginForm(userCode.ToLowerInvariant(), "P@ssw0rd!"));
        var (status, json) = await UserFlows.TokenAsync(Http, Authority, UserFlows.Poll(ClientId, deviceCode));

        form.Should().Contain("<title>Enter code</title>").And.Contain($"value=\"{userCode}\"", "?code= pre-fills the form");
        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).Should().Contain("You are signed in").And.Contain(ClientId);
        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("access_token").GetString().Should().NotBeNullOrEmpty();
        Authority.PendingUserCodes.Should().BeEmpty();
    }

    [Test]
    public async Task DeviceLoginPage_WrongPasswordOrCode_ShowsTheFormAgainAndLeavesTheCodePending()
    {
        var (_, userCode) = await RequestDeviceCodeAsync();
        var page = new Uri(Authority.BaseUri, "devicelogin");

        using var wrongPassword = await Http.PostAsync(page, DeviceLoginForm(userCode, "wrong"));
        using var wrongCode = await Http.PostAsync(page, DeviceLoginForm("AAAAAAAAA", "P@ssw0rd!"));

        wrongPassword.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrongPassword.Content.ReadAsStringAsync()).Should().Contain("role=\"alert\"").And.Contain("Your account or password is incorrect.");
        (await wrongCode.Content.ReadAsStringAsync()).Should().Contain("That code is not valid");
        Authority.PendingUserCodes.Should().Equal(userCode);
    }

    private static FormUrlEncodedContent DeviceLoginForm(string code, string password) =>
        new(new Dictionary<string, string> { ["code"] = code, ["username"] = "ada@contoso.com", ["password"] = password });

    private static FormUrlEncodedContent DeviceCodeForm(string clientId = ClientId) =>
        new(new Dictionary<string, string> { ["client_id"] = clientId, ["scope"] = UserFlows.Scope });

    private async Task<(string DeviceCode, string UserCode)> RequestDeviceCodeAsync()
    {
        using var response = await Http.PostAsync(Authority.DeviceAuthorizationEndpoint, DeviceCodeForm());
        JsonElement json = await TokenClient.JsonAsync(response);
        return (json.GetProperty("device_code").GetString()!, json.GetProperty("user_code").GetString()!);
    }
}
