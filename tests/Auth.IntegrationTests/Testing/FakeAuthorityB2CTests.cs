using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Microsoft.Identity.Client;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityB2CTests : VirtualHostFixture
{
    private const string Domain = "contoso.onmicrosoft.com";
    private const string Policy = "B2C_1_SignUpSignIn";
    private const string Scope = "openid offline_access https://contoso.onmicrosoft.com/api/read";

    [TestCase("tfp/contoso.onmicrosoft.com/B2C_1_SignUpSignIn")]
    [TestCase("contoso.onmicrosoft.com/B2C_1_SignUpSignIn")]
    [TestCase("contoso.onmicrosoft.com/b2c_1_signupsignin")]
    public async Task Discovery_BothPathForms_B2CShapeWithTenantGuidIssuerAndTrailingSlash(string path)
    {
        var json = await GetJsonAsync($"https://{B2CHost}/{path}/v2.0/.well-known/openid-configuration");

        var root = $"https://{B2CHost}/{Domain}/b2c_1_signupsignin";
        json.GetProperty("issuer").GetString().Should().Be($"https://{B2CHost}/{Authority.TenantId}/v2.0/");
        json.GetProperty("authorization_endpoint").GetString().Should().Be($"{root}/oauth2/v2.0/authorize");
        json.GetProperty("token_endpoint").GetString().Should().Be($"{root}/oauth2/v2.0/token");
        json.GetProperty("jwks_uri").GetString().Should().Be($"{root}/discovery/v2.0/keys");
        json.TryGetProperty("device_authorization_endpoint", out _).Should().BeFalse();
    }

    [Test]
    public async Task Jwks_UnderThePolicy_IsTheSigningKeySet()
    {
        var json = await GetJsonAsync($"https://{B2CHost}/{Domain}/b2c_1_signupsignin/discovery/v2.0/keys");

        json.GetRawText().Should().Be(Authority.JwksJson);
    }

    [Test]
    public async Task NotAPolicySegment_IsNotServed()
    {
        using var response = await Http.GetAsync(new Uri($"https://{B2CHost}/{Domain}/SignUpSignIn/v2.0/.well-known/openid-configuration"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [TestCase("tfp/contoso.onmicrosoft.com/B2C_1_SignUpSignIn")]
    [TestCase("contoso.onmicrosoft.com/b2c_1_signupsignin")]
    public async Task ClientCredentials_BothPathForms_IssueB2CToken(string path)
    {
        var (status, json) = await PostJsonAsync($"https://{B2CHost}/{path}/oauth2/v2.0/token", ClientCredentials("https://contoso.onmicrosoft.com/api/.default"));

        status.Should().Be(HttpStatusCode.OK);
        var claims = JwtInspector.Payload(json.GetProperty("access_token").GetString()!);
        claims.GetProperty("iss").GetString().Should().Be($"https://{B2CHost}/{Authority.TenantId}/v2.0/");
        claims.GetProperty("aud").GetString().Should().Be("https://contoso.onmicrosoft.com/api");
        Authority.TokenRequests.Single().Tenant.Should().Be(Domain);
        Authority.TokenRequests.Single().Host.Should().Be(B2CHost);
    }

    [Test]
    public async Task Password_WithClientInfo_UidCarriesThePolicyAndIdTokenIsB2CShaped()
    {
        var (status, json) = await PostJsonAsync($"{Authority.B2CAuthorityFor(B2CHost, Policy)}/oauth2/v2.0/token", Password(Authority.DefaultUser, Scope));

        status.Should().Be(HttpStatusCode.OK);
        var oid = Authority.DefaultUser.ObjectId;
        using (var clientInfo = JsonDocument.Parse(Base64Url.DecodeFromChars(json.GetProperty("client_info").GetString())))
        {
            clientInfo.RootElement.GetProperty("uid").GetString().Should().Be($"{oid}-b2c_1_signupsignin");
            clientInfo.RootElement.GetProperty("utid").GetString().Should().Be(Authority.TenantId);
        }

        var id = JwtInspector.Payload(json.GetProperty("id_token").GetString()!);
        id.GetProperty("iss").GetString().Should().Be($"https://{B2CHost}/{Authority.TenantId}/v2.0/");
        id.GetProperty("tfp").GetString().Should().Be(Policy);
        id.GetProperty("oid").GetString().Should().Be(oid);
        id.GetProperty("sub").GetString().Should().Be(oid);
        id.GetProperty("emails").EnumerateArray().Select(e => e.GetString()).Should().Equal(Authority.DefaultUser.Username);
        id.TryGetProperty("preferred_username", out _).Should().BeFalse();
        JwtInspector.Payload(json.GetProperty("access_token").GetString()!).GetProperty("tfp").GetString().Should().Be(Policy);
    }

    [Test]
    public async Task AuthCode_ThroughThePolicysAuthorizeEndpoint_RedeemsToB2CTokens()
    {
        var (verifier, challenge) = UserFlows.Pkce();
        var parameters = UserFlows.Authorize(PublicId, challenge, Scope);
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        using var authorize = await Http.GetAsync(new Uri($"https://{B2CHost}/{Domain}/b2c_1_signupsignin/oauth2/v2.0/authorize?{query}"));
        authorize.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var redeem = UserFlows.Redeem(PublicId, UserFlows.RedirectQuery(authorize)["code"], verifier);
        redeem["client_info"] = "1";

        var (status, json) = await PostJsonAsync($"https://{B2CHost}/{Domain}/b2c_1_signupsignin/oauth2/v2.0/token", redeem);

        status.Should().Be(HttpStatusCode.OK);
        var id = JwtInspector.Payload(json.GetProperty("id_token").GetString()!);
        id.GetProperty("nonce").GetString().Should().Be("nonce-7");
        id.GetProperty("tfp").GetString().Should().Be("b2c_1_signupsignin");
        json.GetProperty("refresh_token").GetString().Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task Msal_B2CAuthority_UsernamePassword_HomeAccountCarriesThePolicy()
    {
        var app = PublicClientApplicationBuilder.Create(PublicId)
            .WithB2CAuthority(Authority.B2CAuthorityFor(B2CHost, Policy))
            .WithHttpClientFactory(new FixedMsalHttpClientFactory(Http))
            .Build();

#pragma warning disable CS0618 // ROPC is obsolete in MSAL; B2C still offers it.
        var result = await app.AcquireTokenByUsernamePassword(["https://contoso.onmicrosoft.com/api/read"], Authority.DefaultUser.Username, Authority.DefaultUser.Password).ExecuteAsync();
#pragma warning restore CS0618

        result.Account.HomeAccountId.Identifier.Should().Be($"{Authority.DefaultUser.ObjectId}-b2c_1_signupsignin.{Authority.TenantId}");
        result.Account.Environment.Should().Be(B2CHost);
        Authority.TokenRequests.Single().Path.Should().Be($"/tfp/{Domain}/{Policy}/oauth2/v2.0/token");
        Authority.InstanceDiscoveryRequestCount.Should().Be(0, "B2C has no instance discovery");
    }
}
