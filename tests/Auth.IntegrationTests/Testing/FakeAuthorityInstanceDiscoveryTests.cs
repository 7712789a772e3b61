using System.Net;
using System.Text.Json;
using Microsoft.Identity.Client;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityInstanceDiscoveryTests : VirtualHostFixture
{
    [TestCase("login.microsoftonline.com")]
    [TestCase("login.windows.net")]
    [TestCase("login.microsoftonline.us")]
    [TestCase("login.chinacloudapi.cn")]
    public async Task InstanceDiscovery_KnownCloudHost_PointsTenantDiscoveryAtThatHostWithEveryCloudGroup(string host)
    {
        var json = await DiscoverAsync(Public, $"https://{host}/contoso.onmicrosoft.com/oauth2/v2.0/authorize");

        json.GetProperty("tenant_discovery_endpoint").GetString()
            .Should().Be($"https://{host}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration");
        json.GetProperty("api-version").GetString().Should().Be("1.1");
        var groups = json.GetProperty("metadata").EnumerateArray().ToDictionary(group => group.GetProperty("preferred_network").GetString()!);
        groups.Keys.Should().BeEquivalentTo(Public, "login.microsoftonline.us", "login.chinacloudapi.cn", "localhost");
        groups[Public].GetProperty("preferred_cache").GetString().Should().Be(PublicCache);
        Aliases(groups[Public]).Should().Equal(Public, PublicCache, "login.microsoft.com", "sts.windows.net");
        groups["login.microsoftonline.us"].GetProperty("preferred_cache").GetString().Should().Be("login.microsoftonline.us");
        Aliases(groups["login.microsoftonline.us"]).Should().Equal("login.microsoftonline.us", "login.usgovcloudapi.net");
        Aliases(groups["login.chinacloudapi.cn"]).Should().Equal("login.chinacloudapi.cn", "login.partner.microsoftonline.cn");
        Authority.InstanceDiscoveryRequestCount.Should().Be(1);
    }

    [TestCase("https://login.example.org/common/oauth2/v2.0/authorize")]
    [TestCase("https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_SignIn/oauth2/v2.0/authorize")]
    [TestCase("https://adfs.contoso.com/adfs/oauth2/authorize")]
    [TestCase("https://westus.login.microsoft.com/common/oauth2/v2.0/authorize")]
    public async Task InstanceDiscovery_HostInNoCloud_ReturnsInvalidInstance(string authorizationEndpoint)
    {
        using var response = await Http.GetAsync(new Uri(Url(Public, authorizationEndpoint)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var json = await TokenClient.JsonAsync(response);
        json.GetProperty("error").GetString().Should().Be("invalid_instance");
        json.GetProperty("error_codes")[0].GetInt32().Should().Be(50049);
        json.GetProperty("error_description").GetString().Should().StartWith("AADSTS50049: Unknown or invalid instance.");
        Authority.InstanceDiscoveryRequestCount.Should().Be(1);
    }

    [Test]
    public void InstanceDiscoveryMetadataJson_HoldsEveryGroup()
    {
        using var json = JsonDocument.Parse(Authority.InstanceDiscoveryMetadataJson);

        json.RootElement.GetProperty("metadata").EnumerateArray().Select(group => group.GetProperty("preferred_network").GetString())
            .Should().Equal(Public, "login.microsoftonline.us", "login.chinacloudapi.cn", "localhost");
    }

    [Test]
    public async Task Msal_LocalAuthorityWithInstanceDiscoveryOn_ParsesTheFakesAnswer()
    {
        var app = ConfidentialClientApplicationBuilder.Create(ConfidentialId)
            .WithClientSecret(Secret)
            .WithAuthority(Authority.Authority)
            .WithHttpClientFactory(new FixedMsalHttpClientFactory(Http))
            .Build();

        var result = await app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();

        result.AccessToken.Should().NotBeNullOrEmpty();
        Authority.InstanceDiscoveryRequestCount.Should().Be(1, "MSAL validated the unknown localhost authority through Entra's instance discovery");
        Authority.TokenRequests.Single().Host.Should().Be($"localhost:{Authority.BaseUri.Port}");
    }

    [Test]
    public async Task Msal_PublicCloudAuthority_SendsTheTokenRequestToThatVirtualHost()
    {
        var app = ConfidentialClientApplicationBuilder.Create(ConfidentialId)
            .WithClientSecret(Secret)
            .WithAuthority(Authority.AuthorityFor(Public))
            .WithHttpClientFactory(new FixedMsalHttpClientFactory(Http))
            .Build();

        var result = await app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();

        JwtInspector.Payload(result.AccessToken).GetProperty("iss").GetString().Should().Be($"https://{Public}/{Authority.TenantId}/v2.0");
        var request = Authority.TokenRequests.Single();
        request.Host.Should().Be(Public);
        request.Headers.Should().ContainKeys("x-client-SKU", "x-client-Ver", "x-client-OS", "x-client-current-telemetry", "client-request-id");
    }

    private static string Url(string host, string authorizationEndpoint) =>
        $"https://{host}/common/discovery/instance?api-version=1.1&authorization_endpoint={Uri.EscapeDataString(authorizationEndpoint)}";

    private static string?[] Aliases(JsonElement group) =>
        group.GetProperty("aliases").EnumerateArray().Select(alias => alias.GetString()).ToArray();

    private Task<JsonElement> DiscoverAsync(string host, string authorizationEndpoint) => GetJsonAsync(Url(host, authorizationEndpoint));
}
