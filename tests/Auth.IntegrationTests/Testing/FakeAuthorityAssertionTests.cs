using System.Net;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

[TestFixture]
public sealed class FakeAuthorityAssertionTests
{
    private const string ClientId = "cert-client";

    private FakeAuthority _authority = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public void OneTimeSetUp()
    {
        _authority = FakeAuthority.Start(new FakeAuthorityOptions { UseHttps = false });
        _authority.RegisterClient(ClientId, TestCertificates.Client);
        _http = _authority.CreateHttpClient();
    }

    [OneTimeTearDown]
    public void OneTimeTearDown()
    {
        _http.Dispose();
        _authority.Dispose();
    }

    [TestCase("RS256", false)]
    [TestCase("PS256", false)]
    [TestCase("RS256", true)]
    public async Task ClientCredentials_ValidAssertion_ReturnsTokenForCertificateAuthenticatedApp(string algorithm, bool sha1Thumbprint)
    {
        var assertion = ClientAssertions.Create(TestCertificates.Client, ClientId, _authority.TokenEndpoint.ToString(), algorithm, useSha1Thumbprint: sha1Thumbprint);

        var response = await PostAsync(assertion);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var claims = JwtInspector.Payload((await TokenClient.JsonAsync(response)).GetProperty("access_token").GetString()!);
        claims.GetProperty("appid").GetString().Should().Be(ClientId);
        claims.GetProperty("appidacr").GetString().Should().Be("2");
    }

    [Test]
    public async Task ClientCredentials_AssertionExpiredWithinClockSkew_IsAccepted()
    {
        var expires = TimeProvider.System.GetUtcNow().AddMinutes(-2);
        var assertion = ClientAssertions.Create(TestCertificates.Client, ClientId, _authority.TokenEndpoint.ToString(), expires: expires);

        var response = await PostAsync(assertion);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task ClientCredentials_AssertionForOtherAudience_Returns401InvalidClient()
    {
        var assertion = ClientAssertions.Create(TestCertificates.Client, ClientId, _authority.Issuer);

        var response = await PostAsync(assertion);

        await ShouldBeInvalidAssertionAsync(response, "'aud'");
    }

    [Test]
    public async Task ClientCredentials_ExpiredAssertion_Returns401InvalidClient()
    {
        var expires = TimeProvider.System.GetUtcNow().AddMinutes(-6);
        var assertion = ClientAssertions.Create(TestCertificates.Client, ClientId, _authority.TokenEndpoint.ToString(), expires: expires);

        var response = await PostAsync(assertion);

        await ShouldBeInvalidAssertionAsync(response, "expired");
    }

    [Test]
    public async Task ClientCredentials_AssertionFromUnregisteredCertificate_Returns401InvalidClient()
    {
        var assertion = ClientAssertions.Create(TestCertificates.Other, ClientId, _authority.TokenEndpoint.ToString());

        var response = await PostAsync(assertion);

        await ShouldBeInvalidAssertionAsync(response, "not registered");
    }

    [Test]
    public async Task ClientCredentials_AssertionSignedWithWrongKey_Returns401InvalidClient()
    {
        var assertion = ClientAssertions.Create(TestCertificates.Client, ClientId, _authority.TokenEndpoint.ToString(), signedBy: TestCertificates.Other);

        var response = await PostAsync(assertion);

        await ShouldBeInvalidAssertionAsync(response, "signature");
    }

    [Test]
    public async Task ClientCredentials_AssertionIssuedByAnotherClient_Returns401InvalidClient()
    {
        var assertion = ClientAssertions.Create(TestCertificates.Client, ClientId, _authority.TokenEndpoint.ToString(), issuer: "someone-else");

        var response = await PostAsync(assertion);

        await ShouldBeInvalidAssertionAsync(response, "'iss'");
    }

    private static async Task ShouldBeInvalidAssertionAsync(HttpResponseMessage response, string reason)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var json = await TokenClient.JsonAsync(response);
        json.GetProperty("error").GetString().Should().Be("invalid_client");
        json.GetProperty("error_codes")[0].GetInt32().Should().Be(700027);
        json.GetProperty("error_description").GetString().Should().StartWith("AADSTS700027: ").And.Contain(reason);
    }

    private Task<HttpResponseMessage> PostAsync(string assertion)
    {
        var form = TokenClient.ClientCredentials(ClientId);
        form["client_assertion_type"] = TokenClient.AssertionType;
        form["client_assertion"] = assertion;
        return TokenClient.PostAsync(_http, _authority, form);
    }
}
