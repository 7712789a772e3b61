using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Platform;
using Auth.Common.Telemetry;
using Auth.Common.Tests.TestDoubles;

namespace Auth.Common.Tests.Authority;

/// <summary>Whether an authority may be talked to: known clouds, instance discovery (fail closed), then the app's trust.</summary>
[TestFixture]
public sealed class AuthorityValidatorTests
{
    private const string Configured = "https://login.microsoftonline.com/contoso.onmicrosoft.com";

    private static AuthorityInfo Parse(string url, ProtocolMode mode = ProtocolMode.AzureAD) => AuthorityInfo.Parse(url, mode, allowInsecureLoopback: false);

    private static AuthorityValidator Validator(INetworkClient network, bool discovery = true, string configured = Configured, ProtocolMode mode = ProtocolMode.AzureAD, params string[] known) =>
        new(new InstanceDiscovery(network, ClientHeaders.None.For, discovery), new AuthorityTrust(Parse(configured, mode), known));

    private static RecordingNetworkClient Answer(int status, string body) => new(_ => RecordingNetworkClient.Json(status, body));

    private static RecordingNetworkClient Unreachable() =>
        new(_ => Task.FromException<NetworkResponse>(new AuthClientException(AuthErrorCodes.NetworkError, "unreachable")));

    private static async Task<AuthClientException> RefusedAsync(AuthorityValidator validator, string url, ProtocolMode mode = ProtocolMode.AzureAD)
    {
        var act = () => validator.ResolveAsync(Parse(url, mode), Guid.Empty, CancellationToken.None).AsTask();
        return (await act.Should().ThrowAsync<AuthClientException>()).Which;
    }

    [TestCase("login.microsoftonline.com")]
    [TestCase("login.windows.net")]
    [TestCase("login.microsoft.com")]
    public async Task Resolve_PublicCloudHost_UsesTheKnownAliasesWithoutNetwork(string host)
    {
        var network = Answer(500, "unused");

        var authority = await Validator(network).ResolveAsync(Parse($"https://{host}/tenant1"), Guid.Empty, CancellationToken.None);

        authority.Environment.Should().Be("login.windows.net");
        authority.MatchesEnvironment("login.microsoftonline.com").Should().BeTrue();
        authority.MatchesEnvironment("sts.windows.net").Should().BeTrue();
        authority.MatchesEnvironment("login.microsoftonline.us").Should().BeFalse();
        network.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task Resolve_UnknownEntraHostDiscoveryVouchesFor_IsPlacedInItsCloudAndAskedOnce()
    {
        var network = Answer(200, InstanceDiscoveryTests.CustomCloud);
        var validator = Validator(network);

        var first = await validator.ResolveAsync(Parse("https://login.contoso-cloud.example/tenant1"), Guid.Empty, CancellationToken.None);
        var second = await validator.ResolveAsync(Parse("https://sts.contoso-cloud.example/tenant1"), Guid.Empty, CancellationToken.None);

        first.Environment.Should().Be("cache.contoso-cloud.example");
        second.Environment.Should().Be("cache.contoso-cloud.example");
        network.Requests.Should().ContainSingle();
    }

    [Test]
    public async Task Resolve_EntraHostDiscoveryDoesNotKnow_IsInvalidInstance()
    {
        var error = await RefusedAsync(Validator(Answer(400, """{"error":"invalid_instance"}""")), "https://evil.example.com/tenant1");

        error.Code.Should().Be(AuthErrorCodes.InvalidInstance);
    }

    [Test]
    public async Task Resolve_DiscoveryUnreachable_FailsClosed_EvenForTheConfiguredAuthority()
    {
        const string privateCloud = "https://login.contoso-cloud.example/tenant1";

        var requested = await RefusedAsync(Validator(Unreachable()), "https://evil.example.com/tenant1");
        var configured = await RefusedAsync(Validator(Unreachable(), configured: privateCloud), privateCloud);

        requested.Code.Should().Be(AuthErrorCodes.InstanceDiscoveryFailed);
        configured.Code.Should().Be(AuthErrorCodes.InstanceDiscoveryFailed);
    }

    [Test]
    public async Task Resolve_ListedHost_IsUsedAsItIsWhenDiscoveryRefusesOrIsUnreachable()
    {
        var refused = await Validator(Answer(400, """{"error":"invalid_instance"}"""), known: "private.example.com")
            .ResolveAsync(Parse("https://private.example.com/tenant1"), Guid.Empty, CancellationToken.None);
        var unreachable = await Validator(Unreachable(), known: "private.example.com")
            .ResolveAsync(Parse("https://private.example.com/tenant1"), Guid.Empty, CancellationToken.None);

        refused.Environment.Should().Be("private.example.com");
        unreachable.Environment.Should().Be("private.example.com");
    }

    [Test]
    public async Task Resolve_DiscoveryOff_TrustsOnlyTheConfiguredHostAndTheListedOnes()
    {
        var network = Answer(500, "unused");
        var validator = Validator(network, discovery: false, configured: "https://login.private.example/t1", known: ["login.private.example", "other.private.example"]);

        var configured = await validator.ResolveAsync(Parse("https://login.private.example/t2"), Guid.Empty, CancellationToken.None);
        var listed = await validator.ResolveAsync(Parse("https://other.private.example/t1"), Guid.Empty, CancellationToken.None);
        var error = await RefusedAsync(validator, "https://evil.example.com/t1");
        var unlisted = await RefusedAsync(Validator(network, discovery: false, configured: "https://login.private.example/t1"), "https://evil.example.com/t1");

        configured.Environment.Should().Be("login.private.example");
        listed.Environment.Should().Be("other.private.example");
        error.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
        unlisted.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
        network.Requests.Should().BeEmpty();
    }

    [TestCase("https://evil.example/adfs")]
    [TestCase("https://evil.example/tfp/contoso.onmicrosoft.com/B2C_1_signin")]
    [TestCase("https://localhost:5001/adfs")]
    [TestCase("https://localhost:5001/tenant1")]
    public async Task Resolve_NonEntraKindOrLoopbackOnAnUntrustedHost_IsInvalidAuthorityWithoutNetwork(string url)
    {
        var network = Answer(200, InstanceDiscoveryTests.CustomCloud);

        var error = await RefusedAsync(Validator(network), url);

        error.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
        network.Requests.Should().BeEmpty();
    }

    [TestCase("https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_signin", "contoso.b2clogin.com")]
    [TestCase("https://contoso.ciamlogin.com/", "contoso.ciamlogin.com")]
    public async Task Resolve_MicrosoftTenantHosts_NeedNoDiscoveryOrConfiguration(string url, string host)
    {
        var network = Answer(500, "unused");

        var authority = await Validator(network).ResolveAsync(Parse(url), Guid.Empty, CancellationToken.None);

        authority.Environment.Should().Be(host);
        network.Requests.Should().BeEmpty();
    }

    [TestCase("https://adfs.contoso.com/adfs", "https://adfs.contoso.com/adfs")]
    [TestCase("https://login.microsoftonline.com/t1", "https://adfs.contoso.com/adfs", "adfs.contoso.com")]
    [TestCase("https://localhost:5001/tenant1", "https://localhost:5001/tenant2")]
    public async Task Resolve_AdfsOrLoopback_ConfiguredOrListed_IsUsedWithoutDiscovery(string configured, string url, params string[] known)
    {
        var network = Answer(500, "unused");

        var authority = await Validator(network, configured: configured, known: known).ResolveAsync(Parse(url), Guid.Empty, CancellationToken.None);

        authority.Host.Should().Be(new Uri(url).Host);
        network.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task Resolve_Oidc_RequestOnAnotherHost_IsInvalidAuthority_SameHostIsFine()
    {
        var network = Answer(500, "unused");
        var validator = Validator(network, configured: "https://idp.example.com/realms/a", mode: ProtocolMode.Oidc);

        var same = await validator.ResolveAsync(Parse("https://idp.example.com/realms/b", ProtocolMode.Oidc), Guid.Empty, CancellationToken.None);
        var error = await RefusedAsync(validator, "https://evil.example/realms/a", ProtocolMode.Oidc);

        same.CanonicalAuthority.Should().Be("https://idp.example.com/realms/b");
        error.Code.Should().Be(AuthErrorCodes.InvalidAuthority);
        network.Requests.Should().BeEmpty();
    }
}
