using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.ConfidentialClient;

/// <summary>On-behalf-of against the fake authority over HTTPS.</summary>
[TestFixture]
public sealed class OnBehalfOfTests
{
    private const string ApiId = "middle-tier-api";
    private const string Secret = "api-secret";
    private static readonly string[] Downstream = ["api://downstream/read"];
    private FakeAuthority _authority = null!;

    [SetUp]
    public void Start()
    {
        _authority = FakeAuthority.Start();
        _authority.RegisterClient(ApiId, Secret);
    }

    [TearDown]
    public void Stop() => _authority.Dispose();

    private ConfidentialClientApplication Api(TimeProvider? time = null) => new(new ConfidentialClientOptions
    {
        ClientId = ApiId,
        Authority = _authority.Authority,
        ClientSecret = Secret,
        TimeProvider = time,
        NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient()),
    });

    private string IncomingToken(FakeUser user) => _authority.IssueUserAccessToken(user, ApiId, [$"api://{ApiId}/access_as_user"]);

    [Test]
    public async Task Obo_SameAssertion_IsServedFromTheCache()
    {
        var api = Api();
        var incoming = IncomingToken(_authority.DefaultUser);

        var first = await api.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = Downstream, OboAssertion = incoming });
        var second = await api.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = Downstream, OboAssertion = incoming });

        first.Source.Should().Be(TokenSource.IdentityProvider);
        first.Account!.Username.Should().Be(_authority.DefaultUser.Username);
        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        var sent = _authority.TokenRequests.Single().Form;
        sent["grant_type"].Should().Be("urn:ietf:params:oauth:grant-type:jwt-bearer");
        sent["requested_token_use"].Should().Be("on_behalf_of");
        sent["assertion"].Should().Be(incoming);
        sent["client_secret"].Should().Be(Secret);
    }

    [Test]
    public async Task Obo_TwoUsers_NeverShareTokens()
    {
        var api = Api();
        var bob = new FakeUser { Username = "bob@contoso.com", Password = "x", Name = "Bob" };
        _authority.RegisterUser(bob);

        var ada = await api.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = Downstream, OboAssertion = IncomingToken(_authority.DefaultUser) });
        var bobs = await api.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = Downstream, OboAssertion = IncomingToken(bob) });

        bobs.Source.Should().Be(TokenSource.IdentityProvider);
        bobs.Account!.Username.Should().Be("bob@contoso.com");
        bobs.AccessToken.Should().NotBe(ada.AccessToken);
    }

    [Test]
    public async Task Obo_Expired_IsRefreshedWithTheOboRefreshToken()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var api = Api(time);
        var incoming = IncomingToken(_authority.DefaultUser);
        await api.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = Downstream, OboAssertion = incoming });

        time.Advance(TimeSpan.FromHours(1));
        var renewed = await api.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = Downstream, OboAssertion = incoming });

        renewed.Source.Should().Be(TokenSource.IdentityProvider);
        _authority.RequestCount("refresh_token").Should().Be(1);
        _authority.RequestCount("urn:ietf:params:oauth:grant-type:jwt-bearer").Should().Be(1);
    }

    [Test]
    public async Task Obo_ConcurrentCallsWithOneAssertion_MakeOneRequest()
    {
        var api = Api();
        var incoming = IncomingToken(_authority.DefaultUser);
        _authority.EnqueueTokenResponse(FakeTokenResponse.Slow(TimeSpan.FromMilliseconds(200)));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => api.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = Downstream, OboAssertion = incoming }))));

        results.Select(r => r.AccessToken).Distinct().Should().ContainSingle();
        _authority.RequestCount("urn:ietf:params:oauth:grant-type:jwt-bearer").Should().Be(1);
    }
}
