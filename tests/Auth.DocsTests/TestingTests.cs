using Auth.Common.Errors;
using Auth.Common.Responses;
using Auth.Docs.Snippets;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.DocsTests;

/// <summary>Runs docs/testing.md's snippets (the page's whole test class, OrdersDaemonTests, runs as a fixture of its own).</summary>
[TestFixture]
public sealed class TestingTests
{
    private FakeAuthority _fake = null!;

    [SetUp]
    public void Start()
    {
        _fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        _fake.RegisterClient("orders-daemon", "test-secret");
    }

    [TearDown]
    public void Stop() => _fake.Dispose();

    [Test]
    public void ThePagesTestClass_IsAnNUnitFixture()
    {
        typeof(OrdersDaemonTests).GetCustomAttributes(typeof(TestFixtureAttribute), false).Should().ContainSingle();
        typeof(OrdersDaemonTests).GetMethods().Where(m => m.GetCustomAttributes(typeof(TestAttribute), false).Length > 0).Should().NotBeEmpty();
    }

    [Test]
    public async Task ScriptedFailure_ThrottledThenRefusedLocally_ThenOneOutageRetried()
    {
        // The snippet asserts as a test would; here the authority's own log confirms it.
        await TestingExamples.ScriptedFailuresAsync(_fake);

        _fake.TokenRequests.Select(r => r.Form["scope"]).Should().Equal("api://orders/.default", "api://billing/.default", "api://billing/.default");
    }

    [Test]
    public async Task Clock_TokenServedFromCacheUntilFiveMinutesBeforeExpiry()
    {
        var (early, late) = await TestingExamples.ClockAsync();

        early.Source.Should().Be(TokenSource.Cache);
        late.Source.Should().Be(TokenSource.IdentityProvider);
        late.AccessToken.Should().NotBe(early.AccessToken);
    }

    [Test]
    public async Task Interactive_TheTestPlaysTheBrowser()
    {
        _fake.RegisterPublicClient("orders-desktop");

        var result = await TestingExamples.InteractiveAsync(_fake, new HttpClientNetworkClient(_fake.CreateHttpClient()));

        result.Account!.Username.Should().Be("ada@contoso.com");
        _fake.RequestCount("authorization_code").Should().Be(1);
        _fake.AuthorizeRequestCount.Should().Be(1);
    }

    [Test]
    public async Task DeviceCode_TheTestApprovesTheUserCode()
    {
        _fake.RegisterPublicClient("orders-cli");

        var result = await TestingExamples.DeviceCodeAsync(_fake, new HttpClientNetworkClient(_fake.CreateHttpClient()));

        result.Account!.Username.Should().Be(_fake.DefaultUser.Username);
        _fake.RequestCount("urn:ietf:params:oauth:grant-type:device_code").Should().BeGreaterThanOrEqualTo(1);
    }

    [Test]
    public async Task OnBehalfOf_ExchangesTheMintedUserToken()
    {
        _fake.RegisterClient("orders-api", "api-secret");

        var result = await TestingExamples.OnBehalfOfAsync(_fake, new HttpClientNetworkClient(_fake.CreateHttpClient()));

        result.Account!.Username.Should().Be(_fake.DefaultUser.Username);
        var sent = _fake.TokenRequests.Should().ContainSingle().Subject;
        sent.GrantType.Should().Be("urn:ietf:params:oauth:grant-type:jwt-bearer");
        sent.Form["requested_token_use"].Should().Be("on_behalf_of");
    }

    [Test]
    public async Task B2C_SignsInAtTheUserFlow()
    {
        var result = await TestingExamples.B2CAsync(_fake);

        result.Account!.B2CPolicy.Should().Be("b2c_1_signupsignin");
        _fake.TokenRequests.Should().ContainSingle().Which.Host.Should().Be("contoso.b2clogin.com");
    }

    [Test]
    public async Task ManagedIdentity_AppServiceFake_GetsTheToken()
    {
        var (result, endpoint) = await TestingExamples.ManagedIdentityAsync();
        using (endpoint)
        {
            result.AccessToken.Should().NotBeNullOrEmpty();
            var sent = endpoint.Requests.Should().ContainSingle().Subject;
            sent.Query["resource"].Should().Be("https://vault.azure.net");
            sent.Headers["X-IDENTITY-HEADER"].Should().Be(endpoint.Secret);
        }
    }
}
