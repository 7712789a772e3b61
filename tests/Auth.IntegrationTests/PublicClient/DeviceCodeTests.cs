using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Testing;

namespace Auth.IntegrationTests.PublicClient;

/// <summary>The device-code flow against the fake's device authorization endpoint.</summary>
[TestFixture]
public sealed class DeviceCodeTests : PublicClientFixture
{
    protected override FakeAuthorityOptions AuthorityOptions => new();

    [SetUp]
    public void FastPolling() => Authority.DeviceCodePollInterval = TimeSpan.FromSeconds(1);

    [Test]
    public async Task DeviceCode_Approved_SignsInTheApprover()
    {
        DeviceCodeInfo? shown = null;

        var result = await App().AcquireTokenByDeviceCodeAsync(new DeviceCodeRequest
        {
            Scopes = Scopes,
            DeviceCodeCallback = (info, _) =>
            {
                shown = info;
                Authority.ApproveDeviceCode(info.UserCode);
                return Task.CompletedTask;
            },
        });

        result.Account!.Username.Should().Be(Authority.DefaultUser.Username);
        shown!.VerificationUri.Host.Should().Be("localhost");
        shown.Message.Should().Contain(shown.UserCode);
        Authority.RequestCount("urn:ietf:params:oauth:grant-type:device_code").Should().Be(1);
    }

    [Test]
    public async Task DeviceCode_PendingUntilApproved_KeepsPolling()
    {
        var app = App();

        var signIn = app.AcquireTokenByDeviceCodeAsync(new DeviceCodeRequest { Scopes = Scopes, DeviceCodeCallback = (_, _) => Task.CompletedTask });
        var userCode = await Authority.WaitForUserCodeAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5), TimeProvider.System);
        Authority.ApproveDeviceCode(userCode);
        var result = await signIn;

        result.AccessToken.Should().NotBeNullOrEmpty();
        Authority.RequestCount("urn:ietf:params:oauth:grant-type:device_code").Should().BeGreaterThanOrEqualTo(3);
    }

    [Test]
    public async Task DeviceCode_Denied_IsAccessDenied()
    {
        var act = () => App().AcquireTokenByDeviceCodeAsync(new DeviceCodeRequest
        {
            Scopes = Scopes,
            DeviceCodeCallback = (info, _) =>
            {
                Authority.DenyDeviceCode(info.UserCode);
                return Task.CompletedTask;
            },
        });

        (await act.Should().ThrowAsync<AuthServiceException>()).Which.Code.Should().Be("access_denied");
    }

    [Test]
    public async Task DeviceCode_Timeout_EndsPolling()
    {
        var act = () => App().AcquireTokenByDeviceCodeAsync(new DeviceCodeRequest
        {
            Scopes = Scopes,
            Timeout = TimeSpan.FromSeconds(1.5),
            DeviceCodeCallback = (_, _) => Task.CompletedTask,
        });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.OperationTimedOut);
    }
}
