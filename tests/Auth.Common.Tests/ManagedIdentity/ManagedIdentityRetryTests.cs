using Auth.Common.Errors;
using Auth.Common.ManagedIdentity;
using Auth.Common.Platform;
using Auth.Common.Requests;
using Auth.Common.Tests.TestDoubles;

namespace Auth.Common.Tests.ManagedIdentity;

/// <summary>The platform's retry guidance per source, and how failures end.</summary>
[TestFixture]
public sealed class ManagedIdentityRetryTests
{
    [TestCase(ManagedIdentitySource.Imds, 404, 4)]
    [TestCase(ManagedIdentitySource.Imds, 410, 8)]
    [TestCase(ManagedIdentitySource.Imds, 429, 4)]
    [TestCase(ManagedIdentitySource.Imds, 500, 4)]
    [TestCase(ManagedIdentitySource.Imds, 503, 4)]
    [TestCase(ManagedIdentitySource.Imds, 400, 1)]
    [TestCase(ManagedIdentitySource.AppService, 500, 4)]
    [TestCase(ManagedIdentitySource.AppService, 429, 4)]
    [TestCase(ManagedIdentitySource.AppService, 404, 1)]
    [TestCase(ManagedIdentitySource.AppService, 410, 1)]
    [TestCase(ManagedIdentitySource.CloudShell, 502, 4)]
    [TestCase(ManagedIdentitySource.MachineLearning, 401, 1)]
    public async Task FailingStatus_IsRetriedAsThePlatformAdvises(ManagedIdentitySource source, int status, int attempts)
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(status, """{"error":"e"}"""));

        var act = () => ManagedIdentityHarness.Client(source, network).AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        (await act.Should().ThrowAsync<AuthServiceException>()).Which.StatusCode.Should().Be(status);
        network.Requests.Should().HaveCount(attempts);
    }

    [TestCase(ManagedIdentitySource.Imds)]
    [TestCase(ManagedIdentitySource.AppService)]
    public async Task TransientFailures_ThenSuccess_ReturnTheToken(ManagedIdentitySource source)
    {
        var answers = new Queue<NetworkResponse>([
            RecordingNetworkClient.Json(503, ""),
            RecordingNetworkClient.Json(429, "", ("Retry-After", "0")),
            RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(1_800_086_400))]);
        var network = new RecordingNetworkClient(_ => answers.Dequeue());

        var result = await ManagedIdentityHarness.Client(source, network).AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        result.AccessToken.Should().Be("mi-token");
        network.Requests.Should().HaveCount(3);
    }

    [Test]
    public async Task RetryAfterLongerThanAMinute_IsNotWaitedFor_AndIsReported()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(429, "", ("Retry-After", "600")));

        var act = () => ManagedIdentityHarness.Client(ManagedIdentitySource.AppService, network).AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        (await act.Should().ThrowAsync<AuthServiceException>()).Which.RetryAfter.Should().Be(TimeSpan.FromMinutes(10));
        network.Requests.Should().ContainSingle();
    }

    [TestCase(ManagedIdentitySource.Imds, 1, 2, 4)]
    [TestCase(ManagedIdentitySource.AppService, 1, 1, 1)]
    public void Delays_FollowTheGuidance(ManagedIdentitySource source, int first, int second, int third)
    {
        var policy = new ManagedIdentityRetryPolicy(source, TimeSpan.FromSeconds(1));

        new[] { policy.Delay(500, 1, null), policy.Delay(500, 2, null), policy.Delay(500, 3, null) }
            .Should().Equal(TimeSpan.FromSeconds(first), TimeSpan.FromSeconds(second), TimeSpan.FromSeconds(third));
        if (source == ManagedIdentitySource.Imds)
        {
            policy.Delay(410, 1, null).Should().Be(TimeSpan.FromSeconds(10));
        }
        else
        {
            policy.Delay(429, 1, TimeSpan.FromSeconds(7)).Should().Be(TimeSpan.FromSeconds(7), "a Retry-After longer than the unit is honoured");
        }
    }

    [Test]
    public async Task UnreachableEndpoint_IsUnavailable_NamingTheSource()
    {
        var network = new RecordingNetworkClient(new Func<NetworkRequest, NetworkResponse>(_ => throw new AuthClientException(AuthErrorCodes.NetworkError, "connection refused")));

        var act = () => ManagedIdentityHarness.Client(ManagedIdentitySource.Imds, network).AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.ManagedIdentityUnavailable);
        error.Message.Should().Contain("Imds");
        network.Requests.Should().ContainSingle("a refused connection says the endpoint is not there; it is not retried");
    }

    [Test]
    public async Task ImdsTimeout_IsUnavailable_AtOnce()
    {
        var network = new RecordingNetworkClient(new Func<NetworkRequest, NetworkResponse>(_ => throw new AuthClientException(AuthErrorCodes.RequestTimeout, "timeout")));

        var act = () => ManagedIdentityHarness.Client(ManagedIdentitySource.Imds, network).AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.ManagedIdentityUnavailable);
        network.Requests.Should().ContainSingle("no answer from IMDS means no IMDS here; waiting for three more timeouts would only delay that news");
    }

    [Test]
    public async Task Timeouts_AreRetried_ThenUnavailable()
    {
        var network = new RecordingNetworkClient(new Func<NetworkRequest, NetworkResponse>(_ => throw new AuthClientException(AuthErrorCodes.RequestTimeout, "timeout")));

        var act = () => ManagedIdentityHarness.Client(ManagedIdentitySource.AppService, network).AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.ManagedIdentityUnavailable);
        network.Requests.Should().HaveCount(4);
    }
}
