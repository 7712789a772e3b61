using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Platform;
using Auth.Common.Telemetry;
using Auth.Common.Tests.TestDoubles;

namespace Auth.Common.Tests.Authority;

[TestFixture]
public sealed class InstanceDiscoveryTests
{
    private const string CustomCloud = """
        {"tenant_discovery_endpoint":"https://login.contoso-cloud.example/t/v2.0/.well-known/openid-configuration","api-version":"1.1",
         "metadata":[{"preferred_network":"login.contoso-cloud.example","preferred_cache":"cache.contoso-cloud.example",
                      "aliases":["login.contoso-cloud.example","cache.contoso-cloud.example","sts.contoso-cloud.example"]}]}
        """;

    private static AuthorityInfo Entra(string host) => AuthorityInfo.Parse($"https://{host}/tenant1", ProtocolMode.AzureAD, false);

    private static InstanceDiscovery Discovery(INetworkClient network, bool enabled = true, params string[] known) =>
        new(network, ClientHeaders.None.For, enabled, known);

    private static RecordingNetworkClient Answer(int status, string body) => new(_ => RecordingNetworkClient.Json(status, body));

    [TestCase("login.microsoftonline.com")]
    [TestCase("login.windows.net")]
    [TestCase("login.microsoft.com")]
    public async Task Resolve_PublicCloudHost_UsesTheKnownAliasesWithoutNetwork(string host)
    {
        var network = Answer(500, "unused");

        var authority = await Discovery(network).ResolveAsync(Entra(host), Guid.Empty, CancellationToken.None);

        authority.Environment.Should().Be("login.windows.net");
        authority.MatchesEnvironment("login.microsoftonline.com").Should().BeTrue();
        authority.MatchesEnvironment("sts.windows.net").Should().BeTrue();
        authority.MatchesEnvironment("login.microsoftonline.us").Should().BeFalse();
        network.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task Resolve_SeededMetadata_GivesThatCloudsAliasesWithoutNetwork()
    {
        var network = Answer(500, "unused");
        var discovery = Discovery(network);

        discovery.Seed(CustomCloud);
        var authority = await discovery.ResolveAsync(Entra("sts.contoso-cloud.example"), Guid.Empty, CancellationToken.None);

        authority.Environment.Should().Be("cache.contoso-cloud.example");
        authority.MatchesEnvironment("login.contoso-cloud.example").Should().BeTrue();
        network.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task Resolve_UnknownHost_AsksEntraOnceAndCachesTheCloud()
    {
        var network = Answer(200, CustomCloud);
        var discovery = Discovery(network);

        var first = await discovery.ResolveAsync(Entra("login.contoso-cloud.example"), Guid.Empty, CancellationToken.None);
        var second = await discovery.ResolveAsync(Entra("sts.contoso-cloud.example"), Guid.Empty, CancellationToken.None);

        first.Environment.Should().Be("cache.contoso-cloud.example");
        second.Environment.Should().Be("cache.contoso-cloud.example");
        network.Requests.Should().ContainSingle().Which.Uri.AbsoluteUri.Should()
            .StartWith("https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=https%3A%2F%2Flogin.contoso-cloud.example%2Ftenant1%2Foauth2%2Fv2.0%2Fauthorize");
    }

    [Test]
    public async Task Resolve_HostEntraDoesNotKnow_IsInvalidInstance()
    {
        var discovery = Discovery(Answer(400, """{"error":"invalid_instance","error_description":"AADSTS50049"}"""));

        var act = () => discovery.ResolveAsync(Entra("evil.example.com"), Guid.Empty, CancellationToken.None).AsTask();

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidInstance);
    }

    [Test]
    public async Task Resolve_HostEntraDoesNotKnowButTheAppLists_IsUsedAsIs()
    {
        var discovery = Discovery(Answer(400, """{"error":"invalid_instance"}"""), known: "private.example.com");

        var authority = await discovery.ResolveAsync(Entra("private.example.com"), Guid.Empty, CancellationToken.None);

        authority.Environment.Should().Be("private.example.com");
    }

    [Test]
    public async Task Resolve_DiscoveryOff_UsesTheHostAndChecksKnownAuthorities()
    {
        var network = Answer(500, "unused");

        var listed = await Discovery(network, enabled: false, "private.example.com").ResolveAsync(Entra("private.example.com"), Guid.Empty, CancellationToken.None);
        var act = () => Discovery(network, enabled: false, "private.example.com").ResolveAsync(Entra("other.example.com"), Guid.Empty, CancellationToken.None).AsTask();

        listed.Environment.Should().Be("private.example.com");
        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
        network.Requests.Should().BeEmpty();
    }

    [TestCase("https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_signin")]
    [TestCase("https://adfs.contoso.com/adfs")]
    [TestCase("https://contoso.ciamlogin.com/")]
    public async Task Resolve_NonEntraKinds_NeedNoDiscovery(string url)
    {
        var network = Answer(500, "unused");

        var authority = await Discovery(network).ResolveAsync(AuthorityInfo.Parse(url, ProtocolMode.AzureAD, false), Guid.Empty, CancellationToken.None);

        authority.Environment.Should().Be(new Uri(url).Host);
        network.Requests.Should().BeEmpty();
    }
}
