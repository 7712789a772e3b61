using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.IntegrationTests.Testing;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.ClientCredentials;

/// <summary>The client-credentials slice over real HTTPS against <see cref="FakeAuthority"/>.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClientCredentialsEndToEndTests : IDisposable
{
    private const string ClientId = "daemon-app";
    private const string Secret = "daemon-secret";
    private static readonly ClientCredentialRequest Request = new() { Scopes = ["api://orders/.default"] };

    private readonly FakeAuthority _authority = FakeAuthority.Start();

    public void Dispose() => _authority.Dispose();

    private ConfidentialClientApplication App(ClientCredential credential, TimeProvider? time = null, ProtocolMode mode = ProtocolMode.AzureAD, HttpClientNetworkClientOptions? network = null) =>
        new(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = mode == ProtocolMode.AzureAD ? _authority.Authority : _authority.Issuer,
            ProtocolMode = mode,
            ClientCredential = credential,
            TimeProvider = time,
            RetryDelay = TimeSpan.Zero,
            NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient(), network ?? new HttpClientNetworkClientOptions()),
        });

    [Test]
    public async Task Secret_OverHttps_GetsASignedTokenForTheResource()
    {
        _authority.RegisterClient(ClientId, Secret);

        var result = await App(ClientCredential.FromSecret(Secret)).AcquireTokenByClientCredentialAsync(Request);

        result.Source.Should().Be(TokenSource.IdentityProvider);
        JwtInspector.VerifiesWith(result.AccessToken, _authority.JwksJson).Should().BeTrue();
        JwtInspector.Payload(result.AccessToken).GetProperty("aud").GetString().Should().Be("api://orders");
        JwtInspector.Payload(result.AccessToken).GetProperty("appid").GetString().Should().Be(ClientId);
        result.TenantId.Should().Be(_authority.TenantId);
        result.Scopes.Should().Equal("api://orders/.default");
        _authority.TokenRequests.Single().Form["client_secret"].Should().Be(Secret);
    }

    [TestCase(ProtocolMode.AzureAD, null, "PS256")]
    [TestCase(ProtocolMode.Oidc, null, "RS256")]
    [TestCase(ProtocolMode.Oidc, Common.Platform.JwtSigningAlgorithm.PS256, "PS256")]
    public async Task Certificate_SignsAnAssertionTheAuthorityAccepts(ProtocolMode mode, Common.Platform.JwtSigningAlgorithm? algorithm, string expectedAlgorithm)
    {
        _authority.RegisterClient(ClientId, TestCertificates.Client);

        var credential = ClientCredential.FromCertificate(TestCertificates.Client, algorithm: algorithm);
        var result = await App(credential, mode: mode).AcquireTokenByClientCredentialAsync(Request);

        result.AccessToken.Should().NotBeNullOrEmpty();
        var form = _authority.TokenRequests.Single().Form;
        form["client_assertion_type"].Should().Be("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.Should().NotContainKey("client_secret");
        var header = JwtInspector.Header(form["client_assertion"]);
        header.GetProperty("alg").GetString().Should().Be(expectedAlgorithm);
        JwtInspector.Payload(form["client_assertion"]).GetProperty("aud").GetString().Should().Be(_authority.TokenEndpoint.AbsoluteUri);
    }

    [Test]
    public async Task Certificate_NotRegistered_IsInvalidClient()
    {
        _authority.RegisterClient(ClientId, TestCertificates.Client);

        var act = () => App(ClientCredential.FromCertificate(TestCertificates.Other)).AcquireTokenByClientCredentialAsync(Request);

        var error = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        error.Code.Should().Be("invalid_client");
        error.StatusCode.Should().Be(401);
        error.ErrorCodes.Should().NotBeEmpty();
    }

    [Test]
    public async Task AssertionString_IsSentAsIs()
    {
        _authority.RegisterClient(ClientId, TestCertificates.Client);
        var assertion = ClientAssertions.Create(TestCertificates.Client, ClientId, _authority.TokenEndpoint.AbsoluteUri);

        await App(ClientCredential.FromAssertion(assertion)).AcquireTokenByClientCredentialAsync(Request);

        _authority.TokenRequests.Single().Form["client_assertion"].Should().Be(assertion);
    }

    [Test]
    public async Task AssertionCallback_IsToldTheTokenEndpointAndTenant()
    {
        _authority.RegisterClient(ClientId, TestCertificates.Client);
        ClientAssertionContext? seen = null;
        var credential = ClientCredential.FromAssertion((context, _) =>
        {
            seen = context;
            return Task.FromResult(ClientAssertions.Create(TestCertificates.Client, context.ClientId, context.TokenEndpoint.AbsoluteUri));
        });

        var result = await App(credential).AcquireTokenByClientCredentialAsync(Request);

        result.AccessToken.Should().NotBeNullOrEmpty();
        seen!.TokenEndpoint.Should().Be(_authority.TokenEndpoint);
        seen.TenantId.Should().Be(_authority.TenantId);
        seen.ClientId.Should().Be(ClientId);
    }

    [Test]
    public async Task CacheHit_MakesNoRequest()
    {
        _authority.RegisterClient(ClientId, Secret);
        var app = App(ClientCredential.FromSecret(Secret));

        var first = await app.AcquireTokenByClientCredentialAsync(Request);
        var second = await app.AcquireTokenByClientCredentialAsync(Request);

        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        _authority.RequestCount("client_credentials").Should().Be(1);
    }

    [Test]
    public async Task Expiry_MakesExactlyOneNewRequest()
    {
        _authority.RegisterClient(ClientId, Secret);
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var app = App(ClientCredential.FromSecret(Secret), time);
        var first = await app.AcquireTokenByClientCredentialAsync(Request);

        time.Advance(TimeSpan.FromHours(1));
        var afterExpiry = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.AcquireTokenByClientCredentialAsync(Request)));

        afterExpiry.Select(r => r.AccessToken).Distinct().Should().ContainSingle().Which.Should().NotBe(first.AccessToken);
        _authority.RequestCount("client_credentials").Should().Be(2);
    }

    [Test]
    public async Task HundredConcurrentCallersOnColdCache_MakeOneRequest()
    {
        _authority.RegisterClient(ClientId, Secret);
        _authority.EnqueueTokenResponse(FakeTokenResponse.Slow(TimeSpan.FromMilliseconds(300)));
        var app = App(ClientCredential.FromSecret(Secret));

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => app.AcquireTokenByClientCredentialAsync(Request))));

        results.Select(r => r.AccessToken).Distinct().Should().ContainSingle();
        _authority.RequestCount("client_credentials").Should().Be(1);
    }

    [Test]
    public async Task OidcMode_UsesTheIssuersDiscoveryDocument()
    {
        _authority.RegisterClient(ClientId, Secret);

        var result = await App(ClientCredential.FromSecret(Secret), mode: ProtocolMode.Oidc).AcquireTokenByClientCredentialAsync(Request);

        result.AccessToken.Should().NotBeNullOrEmpty();
        _authority.DiscoveryRequestCount.Should().Be(1);
        var sent = _authority.TokenRequests.Single();
        sent.Headers["Authorization"].Should().StartWith("Basic ", "an OpenID Provider that lists client_secret_basic gets the secret that way");
        sent.Form.Should().NotContainKey("client_secret");
    }

    [Test]
    public async Task ClientCapabilities_AreSentAsXmsCcClaims()
    {
        _authority.RegisterClient(ClientId, Secret);
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = _authority.Authority,
            ClientCapabilities = ["cp1"],
            ClientCredential = ClientCredential.FromSecret(Secret),
            NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient()),
        });

        await app.AcquireTokenByClientCredentialAsync(Request);
        var second = await app.AcquireTokenByClientCredentialAsync(Request);

        _authority.TokenRequests.Single().Form["claims"].Should().Be("""{"access_token":{"xms_cc":{"values":["cp1"]}}}""");
        second.Source.Should().Be(TokenSource.Cache, "capabilities alone do not bypass the cache");
    }

    [Test]
    public void HttpAuthority_IsRefused()
    {
        var act = () => new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = _authority.Authority.Replace("https://", "http://", StringComparison.Ordinal),
            ClientCredential = ClientCredential.FromSecret(Secret),
        });

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InsecureAuthority);
    }
}
