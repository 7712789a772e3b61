using System.Net;
using Auth.Testing;
using static Auth.IntegrationTests.Testing.ManagedIdentityWire;

namespace Auth.IntegrationTests.Testing;

/// <summary>
/// A <see cref="FakeManagedIdentityEndpoint"/> token as a federated client assertion at a <see cref="FakeAuthority"/>
/// (<see cref="FakeAuthority.RegisterFederatedClient"/>): the managed identity as a federated credential.
/// </summary>
[TestFixture]
public sealed class FakeManagedIdentityFederationTests
{
    private const string ClientId = "federated-app";
    private const string Exchange = "api://AzureADTokenExchange";

    private FakeAuthority _authority = null!;
    private HttpClient _authorityHttp = null!;
    private FakeManagedIdentityEndpoint _identity = null!;
    private HttpClient _identityHttp = null!;

    [OneTimeSetUp]
    public void OneTimeSetUp()
    {
        _authority = FakeAuthority.Start(new FakeAuthorityOptions { UseHttps = false });
        _authorityHttp = _authority.CreateHttpClient();
        _identity = FakeManagedIdentityEndpoint.Start(FakeManagedIdentityOptions.ForAuthority(_authority, FakeManagedIdentitySource.AppService));
        _identityHttp = CreateClient(_identity);
        _authority.RegisterFederatedClient(ClientId, _authority.Issuer, _identity.SystemAssigned.ObjectId);
    }

    [OneTimeTearDown]
    public void OneTimeTearDown()
    {
        _identityHttp.Dispose();
        _identity.Dispose();
        _authorityHttp.Dispose();
        _authority.Dispose();
    }

    [Test]
    public async Task ClientCredentials_ManagedIdentityTokenAsAssertion_ReturnsAppToken()
    {
        var assertion = await ManagedIdentityTokenAsync(_identity, _identityHttp, Exchange);

        using var response = await PostAsync(assertion);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var claims = JwtInspector.Payload((await TokenClient.JsonAsync(response)).GetProperty("access_token").GetString()!);
        claims.GetProperty("appid").GetString().Should().Be(ClientId);
        JwtInspector.VerifiesWith(assertion, _authority.JwksJson).Should().BeTrue();
    }

    [Test]
    public async Task ClientCredentials_ManagedIdentityTokenForOtherAudience_Returns401InvalidClient()
    {
        var assertion = await ManagedIdentityTokenAsync(_identity, _identityHttp, "api://other-audience");

        using var response = await PostAsync(assertion);

        await ShouldBeInvalidClientAsync(response, 700212);
    }

    [Test]
    public async Task ClientCredentials_OtherIdentitysToken_Returns401InvalidClient()
    {
        var other = _identity.AddUserAssigned();
        var assertion = await ManagedIdentityTokenAsync(_identity, _identityHttp, Exchange, ("client_id", other.ClientId));

        using var response = await PostAsync(assertion);

        await ShouldBeInvalidClientAsync(response, 70021);
    }

    [Test]
    public async Task ClientCredentials_TokenSignedByAnotherKey_Returns401InvalidClient()
    {
        using var foreign = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Issuer = _authority.Issuer, TenantId = _authority.TenantId, SigningKeyId = _authority.SigningKeyId });
        using var foreignHttp = CreateClient(foreign);
        _authority.RegisterFederatedClient(ClientId, _authority.Issuer, foreign.SystemAssigned.ObjectId);
        var assertion = await ManagedIdentityTokenAsync(foreign, foreignHttp, Exchange);

        using var response = await PostAsync(assertion);

        await ShouldBeInvalidClientAsync(response, 700027, "signature");
    }

    [Test]
    public async Task ClientCredentials_IssuerWithItsOwnJwks_IsAccepted()
    {
        using var external = FakeManagedIdentityEndpoint.Start();
        using var externalHttp = CreateClient(external);
        _authority.RegisterFederatedClient("external-app", "https://login.microsoftonline.com/" + FakeManagedIdentityOptions.DefaultTenantId + "/v2.0", external.SystemAssigned.ObjectId, jwksJson: external.JwksJson);
        var assertion = await ManagedIdentityTokenAsync(external, externalHttp, Exchange);

        var form = ClientForm("external-app", assertion);
        using var response = await TokenClient.PostAsync(_authorityHttp, _authority, form);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> ManagedIdentityTokenAsync(FakeManagedIdentityEndpoint endpoint, HttpClient http, string resource, (string, string)? id = null)
    {
        using var response = await SendAsync(http, endpoint, () => Exact(endpoint, resource, id));
        return await AccessTokenAsync(response);
    }

    private static Dictionary<string, string> ClientForm(string clientId, string assertion)
    {
        var form = TokenClient.ClientCredentials(clientId);
        form["client_assertion_type"] = TokenClient.AssertionType;
        form["client_assertion"] = assertion;
        return form;
    }

    private static async Task ShouldBeInvalidClientAsync(HttpResponseMessage response, int code, string? reason = null)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var json = await TokenClient.JsonAsync(response);
        json.GetProperty("error").GetString().Should().Be("invalid_client");
        json.GetProperty("error_codes")[0].GetInt32().Should().Be(code);
        if (reason is not null)
        {
            json.GetProperty("error_description").GetString().Should().Contain(reason);
        }
    }

    private Task<HttpResponseMessage> PostAsync(string assertion) => TokenClient.PostAsync(_authorityHttp, _authority, ClientForm(ClientId, assertion));
}
