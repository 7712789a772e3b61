using System.Net;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityAdfsCiamTests : VirtualHostFixture
{
    [Test]
    public async Task Adfs_Discovery_AdfsIssuerAndEndpoints()
    {
        var json = await GetJsonAsync($"https://{AdfsHost}/adfs/.well-known/openid-configuration");

        json.GetProperty("issuer").GetString().Should().Be($"https://{AdfsHost}/adfs");
        json.GetProperty("authorization_endpoint").GetString().Should().Be($"https://{AdfsHost}/adfs/oauth2/authorize");
        json.GetProperty("token_endpoint").GetString().Should().Be($"https://{AdfsHost}/adfs/oauth2/token");
        json.GetProperty("jwks_uri").GetString().Should().Be($"https://{AdfsHost}/adfs/discovery/keys");
        json.GetProperty("access_token_issuer").GetString().Should().Be($"http://{AdfsHost}/adfs/services/trust");
        (await GetJsonAsync($"https://{AdfsHost}/adfs/discovery/keys")).GetRawText().Should().Be(Authority.JwksJson);
    }

    [Test]
    public async Task Adfs_Password_IgnoresClientInfoAndIssuesAdfsTokens()
    {
        var (status, json) = await PostJsonAsync(
            $"{Authority.AdfsAuthorityFor(AdfsHost)}/oauth2/token",
            Password(Authority.DefaultUser, "openid profile offline_access https://api.contoso.com/read"));

        status.Should().Be(HttpStatusCode.OK);
        json.TryGetProperty("client_info", out _).Should().BeFalse("AD FS never sends client_info");
        var id = JwtInspector.Payload(json.GetProperty("id_token").GetString()!);
        id.GetProperty("iss").GetString().Should().Be($"https://{AdfsHost}/adfs");
        id.GetProperty("upn").GetString().Should().Be("ada@contoso.com");
        id.GetProperty("unique_name").GetString().Should().Be(@"CONTOSO\ada");
        id.GetProperty("sub").GetString().Should().NotBeNullOrEmpty();
        id.TryGetProperty("tid", out _).Should().BeFalse();
        id.TryGetProperty("oid", out _).Should().BeFalse();
        var access = JwtInspector.Payload(json.GetProperty("access_token").GetString()!);
        access.GetProperty("iss").GetString().Should().Be($"http://{AdfsHost}/adfs/services/trust");
        access.GetProperty("aud").GetString().Should().Be("https://api.contoso.com");
        access.TryGetProperty("tid", out _).Should().BeFalse();
        JwtInspector.VerifiesWith(json.GetProperty("id_token").GetString()!, Authority.JwksJson).Should().BeTrue();
        Authority.TokenRequests.Single().Tenant.Should().Be("adfs");
    }

    [Test]
    public async Task Adfs_ClientCredentials_IssuesAppToken()
    {
        var (status, json) = await PostJsonAsync($"https://{AdfsHost}/adfs/oauth2/token", ClientCredentials("https://api.contoso.com/.default"));

        status.Should().Be(HttpStatusCode.OK);
        var claims = JwtInspector.Payload(json.GetProperty("access_token").GetString()!);
        claims.GetProperty("appid").GetString().Should().Be(ConfidentialId);
        claims.GetProperty("apptype").GetString().Should().Be("Confidential");
        claims.TryGetProperty("oid", out _).Should().BeFalse();
    }

    [Test]
    public async Task Ciam_Discovery_EntraPathsWithTenantHostIssuer()
    {
        var json = await GetJsonAsync($"https://{CiamHost}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration");

        json.GetProperty("issuer").GetString().Should().Be($"https://{Authority.TenantId}.ciamlogin.com/{Authority.TenantId}/v2.0");
        json.GetProperty("token_endpoint").GetString().Should().Be($"https://{CiamHost}/contoso.onmicrosoft.com/oauth2/v2.0/token");
        json.GetProperty("authorization_endpoint").GetString().Should().Be($"https://{CiamHost}/contoso.onmicrosoft.com/oauth2/v2.0/authorize");
        json.GetProperty("cloud_instance_name").GetString().Should().Be("ciamlogin.com");
    }

    [Test]
    public async Task Ciam_Password_TokensCarryTheCiamIssuerAndEntraClientInfo()
    {
        var (status, json) = await PostJsonAsync(
            $"https://{CiamHost}/contoso.onmicrosoft.com/oauth2/v2.0/token",
            Password(Authority.DefaultUser, "openid profile api://orders/read"));

        status.Should().Be(HttpStatusCode.OK);
        var issuer = $"https://{Authority.TenantId}.ciamlogin.com/{Authority.TenantId}/v2.0";
        JwtInspector.Payload(json.GetProperty("id_token").GetString()!).GetProperty("iss").GetString().Should().Be(issuer);
        JwtInspector.Payload(json.GetProperty("access_token").GetString()!).GetProperty("iss").GetString().Should().Be(issuer);
        json.GetProperty("client_info").GetString().Should().NotBeNullOrEmpty();
    }
}
