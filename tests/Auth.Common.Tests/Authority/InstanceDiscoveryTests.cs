using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Platform;
using Auth.Common.Telemetry;
using Auth.Common.Tests.TestDoubles;

namespace Auth.Common.Tests.Authority;

/// <summary>Entra's instance discovery: what its answers mean, and that every answer but a vouching one fails closed.</summary>
[TestFixture]
public sealed class InstanceDiscoveryTests
{
    internal const string CustomCloud = """
        {"tenant_discovery_endpoint":"https://login.contoso-cloud.example/t/v2.0/.well-known/openid-configuration","api-version":"1.1",
         "metadata":[{"preferred_network":"login.contoso-cloud.example","preferred_cache":"cache.contoso-cloud.example",
                      "aliases":["login.contoso-cloud.example","cache.contoso-cloud.example","sts.contoso-cloud.example"]}]}
        """;

    private static AuthorityInfo Entra(string host) => AuthorityInfo.Parse($"https://{host}/tenant1", ProtocolMode.AzureAD, false);

    private static InstanceDiscovery Discovery(INetworkClient network) => new(network, ClientHeaders.None.For, enabled: true);

    private static RecordingNetworkClient Answer(int status, string body) => new(_ => RecordingNetworkClient.Json(status, body));

    [TestCase("login.microsoftonline.com")]
    [TestCase("login.windows.net")]
    [TestCase("login.microsoft.com")]
    [TestCase("login.microsoftonline.us")]
    [TestCase("login.chinacloudapi.cn")]
    public void TryFind_PublicCloudHost_IsKnownWithoutNetwork(string host)
    {
        var network = Answer(500, "unused");

        Discovery(network).TryFind(host, out var cloud).Should().BeTrue();

        cloud!.Contains(host).Should().BeTrue();
        network.Requests.Should().BeEmpty();
    }

    [Test]
    public void TryFind_SeededMetadata_GivesThatCloudWithoutNetwork()
    {
        var network = Answer(500, "unused");
        var discovery = Discovery(network);

        discovery.Seed(CustomCloud);

        discovery.TryFind("sts.contoso-cloud.example", out var cloud).Should().BeTrue();
        cloud!.PreferredCache.Should().Be("cache.contoso-cloud.example");
        discovery.TryFind("evil.example", out _).Should().BeFalse();
        network.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task Discover_VouchingAnswer_AsksLoginMicrosoftOnlineAndRemembersTheCloud()
    {
        var network = Answer(200, CustomCloud);
        var discovery = Discovery(network);

        var cloud = await discovery.DiscoverAsync(Entra("login.contoso-cloud.example"), Guid.Empty, CancellationToken.None);

        cloud.PreferredCache.Should().Be("cache.contoso-cloud.example");
        discovery.TryFind("sts.contoso-cloud.example", out _).Should().BeTrue();
        network.Requests.Should().ContainSingle().Which.Uri.AbsoluteUri.Should()
            .StartWith("https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=https%3A%2F%2Flogin.contoso-cloud.example%2Ftenant1%2Foauth2%2Fv2.0%2Fauthorize");
    }

    [TestCase(400, """{"error":"invalid_instance","error_description":"AADSTS50049"}""")]
    [TestCase(200, """{"error":"invalid_instance"}""")]
    [TestCase(200, """{"api-version":"1.1","metadata":[]}""")]
    [TestCase(404, "<html>not found</html>")]
    public async Task Discover_AnswerThatDoesNotVouch_IsInvalidInstance(int status, string body)
    {
        var discovery = Discovery(Answer(status, body));

        var act = () => discovery.DiscoverAsync(Entra("evil.example.com"), Guid.Empty, CancellationToken.None);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidInstance);
        discovery.TryFind("evil.example.com", out _).Should().BeFalse();
    }

    [TestCase(500)]
    [TestCase(503)]
    [TestCase(429)]
    public async Task Discover_ServerErrorOrThrottled_FailsClosedAsInstanceDiscoveryFailed(int status)
    {
        var discovery = Discovery(Answer(status, "<html>busy</html>"));

        var act = () => discovery.DiscoverAsync(Entra("login.contoso-cloud.example"), Guid.NewGuid(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.InstanceDiscoveryFailed);
        error.Message.Should().Contain($"HTTP {status}").And.Contain("nothing was sent");
    }

    [TestCase(AuthErrorCodes.NetworkError)]
    [TestCase(AuthErrorCodes.RequestTimeout)]
    public async Task Discover_NoAnswer_FailsClosedWithTheCauseInside(string cause)
    {
        var network = new RecordingNetworkClient(_ => Task.FromException<NetworkResponse>(new AuthClientException(cause, "unreachable")));

        var act = () => Discovery(network).DiscoverAsync(Entra("login.contoso-cloud.example"), Guid.Empty, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.InstanceDiscoveryFailed);
        error.InnerException.Should().BeOfType<AuthClientException>().Which.Code.Should().Be(cause);
    }

    [Test]
    public async Task Discover_AfterAFailure_AsksAgain()
    {
        var calls = 0;
        var network = new RecordingNetworkClient(_ => Interlocked.Increment(ref calls) == 1
            ? Task.FromException<NetworkResponse>(new AuthClientException(AuthErrorCodes.NetworkError, "down"))
            : Task.FromResult(RecordingNetworkClient.Json(200, CustomCloud)));
        var discovery = Discovery(network);

        var first = () => discovery.DiscoverAsync(Entra("login.contoso-cloud.example"), Guid.Empty, CancellationToken.None);
        await first.Should().ThrowAsync<AuthClientException>();
        var second = await discovery.DiscoverAsync(Entra("login.contoso-cloud.example"), Guid.Empty, CancellationToken.None);

        second.PreferredCache.Should().Be("cache.contoso-cloud.example");
        network.Requests.Should().HaveCount(2);
    }
}
