using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityTests : FakeAuthorityFixture
{
    [Test]
    public async Task Discovery_V2Path_ReturnsEntraShapedMetadata()
    {
        var url = $"{Authority.Issuer}/.well-known/openid-configuration";

        var json = await TokenClient.JsonAsync(await Http.GetAsync(url));

        var tenantRoot = $"{Authority.BaseUri}{Authority.TenantId}";
        json.GetProperty("issuer").GetString().Should().Be(Authority.Issuer);
        json.GetProperty("token_endpoint").GetString().Should().Be(Authority.TokenEndpoint.ToString());
        json.GetProperty("authorization_endpoint").GetString().Should().Be($"{tenantRoot}/oauth2/v2.0/authorize");
        json.GetProperty("device_authorization_endpoint").GetString().Should().Be($"{tenantRoot}/oauth2/v2.0/devicecode");
        json.GetProperty("jwks_uri").GetString().Should().Be($"{tenantRoot}/discovery/v2.0/keys");
        json.GetProperty("end_session_endpoint").GetString().Should().StartWith(tenantRoot);
        Strings(json, "id_token_signing_alg_values_supported").Should().Equal("RS256");
        Strings(json, "token_endpoint_auth_methods_supported").Should().BeEquivalentTo("client_secret_post", "private_key_jwt", "client_secret_basic");
        Strings(json, "grant_types_supported").Should().Contain("client_credentials");
        Strings(json, "response_types_supported").Should().Contain("code");
        Strings(json, "subject_types_supported").Should().NotBeEmpty();
        Authority.DiscoveryRequestCount.Should().Be(1);
    }

    [Test]
    public async Task Discovery_UserGrants_AdvertisesGrantTypesPkceResponseModesAndScopes()
    {
        var url = $"{Authority.Issuer}/.well-known/openid-configuration";

        var json = await TokenClient.JsonAsync(await Http.GetAsync(url));

        Strings(json, "grant_types_supported").Should().BeEquivalentTo(
            "client_credentials",
            "authorization_code",
            "refresh_token",
            "password",
            "urn:ietf:params:oauth:grant-type:device_code",
            "urn:ietf:params:oauth:grant-type:jwt-bearer");
        Strings(json, "code_challenge_methods_supported").Should().Equal("S256");
        Strings(json, "response_modes_supported").Should().Equal("query", "fragment", "form_post");
        Strings(json, "scopes_supported").Should().Contain(["openid", "profile", "email", "offline_access"]);
        json.GetProperty("authorization_endpoint").GetString().Should().Be(Authority.AuthorizationEndpoint.ToString());
        json.GetProperty("device_authorization_endpoint").GetString().Should().Be(Authority.DeviceAuthorizationEndpoint.ToString());
    }

    [Test]
    public async Task Discovery_NonV2PathWithOtherTenant_UsesTenantFromPath()
    {
        var url = $"{Authority.BaseUri}organizations/.well-known/openid-configuration";

        var json = await TokenClient.JsonAsync(await Http.GetAsync(url));

        json.GetProperty("issuer").GetString().Should().Be($"{Authority.BaseUri}{{tenantid}}/v2.0", "Entra publishes a template for organizations");
        json.GetProperty("token_endpoint").GetString().Should().Be($"{Authority.BaseUri}organizations/oauth2/v2.0/token");
        Authority.DiscoveryRequestCount.Should().Be(1);
    }

    [Test]
    public async Task Jwks_Get_ReturnsThePublicSigningKey()
    {
        var url = $"{Authority.BaseUri}{Authority.TenantId}/discovery/v2.0/keys";

        var json = await TokenClient.JsonAsync(await Http.GetAsync(url));

        var key = json.GetProperty("keys").EnumerateArray().Single();
        var expected = Authority.SigningKeyPublic.ExportParameters(false);
        key.GetProperty("kty").GetString().Should().Be("RSA");
        key.GetProperty("use").GetString().Should().Be("sig");
        key.GetProperty("kid").GetString().Should().Be(Authority.SigningKeyId);
        Base64Url.DecodeFromChars(key.GetProperty("n").GetString()).Should().Equal(expected.Modulus);
        Base64Url.DecodeFromChars(key.GetProperty("e").GetString()).Should().Equal(expected.Exponent);
        json.GetRawText().Should().Be(Authority.JwksJson);
    }

    [Test]
    public async Task InstanceDiscovery_OwnAuthorizeEndpoint_ReturnsHostAliasAndTenantDiscovery()
    {
        var authorize = Uri.EscapeDataString($"{Authority.Authority}/oauth2/v2.0/authorize");
        var url = $"{Authority.BaseUri}common/discovery/instance?api-version=1.1&authorization_endpoint={authorize}";

        var json = await TokenClient.JsonAsync(await Http.GetAsync(url));

        json.GetProperty("tenant_discovery_endpoint").GetString().Should().Be($"{Authority.Issuer}/.well-known/openid-configuration");
        var metadata = json.GetProperty("metadata").EnumerateArray().Single(group => group.GetProperty("preferred_network").GetString() == "localhost");
        metadata.GetProperty("preferred_cache").GetString().Should().Be("localhost");
        Strings(metadata, "aliases").Should().Equal("localhost");
    }

    [Test]
    public async Task InstanceDiscovery_ForeignAuthorizeEndpoint_ReturnsInvalidInstance()
    {
        var authorize = Uri.EscapeDataString("https://login.example.org/common/oauth2/v2.0/authorize");
        var url = $"{Authority.BaseUri}common/discovery/instance?api-version=1.1&authorization_endpoint={authorize}";

        var response = await Http.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TokenClient.JsonAsync(response)).GetProperty("error").GetString().Should().Be("invalid_instance");
    }

    [Test]
    public async Task RequestCount_MixedGrantTypes_CountsEachGrantTypeSeparately()
    {
        Authority.RegisterClient("counter-app", "s3cret");

        await TokenClient.PostAsync(Http, Authority, WithSecret(TokenClient.ClientCredentials("counter-app")));
        await TokenClient.PostAsync(Http, Authority, WithSecret(TokenClient.ClientCredentials("counter-app")));
        await TokenClient.PostAsync(Http, Authority, new() { ["grant_type"] = "password", ["client_id"] = "counter-app" });
        await TokenClient.PostAsync(Http, Authority, new() { ["client_id"] = "counter-app" });

        Authority.RequestCount("client_credentials").Should().Be(2);
        Authority.RequestCount("password").Should().Be(1);
        Authority.RequestCount(string.Empty).Should().Be(1);
        Authority.RequestCount("refresh_token").Should().Be(0);
    }

    [Test]
    public async Task TokenRequests_AfterPost_CaptureFormAndCaseInsensitiveHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Authority.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(TokenClient.ClientCredentials("capture-app", "api://x y/.default")),
        };
        request.Headers.Add("client-request-id", "5b8a2a84-9f55-4a64-9a4a-8f7d4a3c3b21");

        await Http.SendAsync(request);

        var captured = Authority.TokenRequests.Should().ContainSingle().Subject;
        captured.Tenant.Should().Be(Authority.TenantId);
        captured.GrantType.Should().Be("client_credentials");
        captured.Form["scope"].Should().Be("api://x y/.default");
        captured.Headers["CLIENT-REQUEST-ID"].Should().Be("5b8a2a84-9f55-4a64-9a4a-8f7d4a3c3b21");
    }

    private static Dictionary<string, string> WithSecret(Dictionary<string, string> form)
    {
        form["client_secret"] = "s3cret";
        return form;
    }

    private static string?[] Strings(JsonElement json, string name) =>
        json.GetProperty(name).EnumerateArray().Select(item => item.GetString()).ToArray();
}
