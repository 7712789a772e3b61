using System.Net;
using System.Text;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Docs.Snippets;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.DocsTests;

[TestFixture]
public sealed class ErrorsTests
{
    private const string ClientId = "00000000-0000-0000-0000-000000000002";
    private static readonly string[] Scopes = ["api://orders/read"];

    [Test]
    public async Task SilentThenInteractive_InteractionRequired_SignsInInteractively()
    {
        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        fake.RegisterPublicClient(ClientId);
        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = ClientId,
            Authority = fake.AuthorityFor("login.microsoftonline.com"),
            NetworkClient = new HttpClientNetworkClient(fake.CreateHttpClient()),
        });
        var first = await app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
        {
            Scopes = Scopes,
            Username = fake.DefaultUser.Username,
            Password = fake.DefaultUser.Password,
        });
        fake.EnqueueTokenResponse(FakeTokenResponse.InteractionRequired());
        Uri? opened = null;

        var result = await Errors.SilentThenInteractiveAsync(app, first.Account!, ["api://orders/write"], async (url, ct) =>
        {
            opened = url;
            using var browser = fake.CreateHttpClient();
            using var authorize = await browser.GetAsync(url, ct);
            using var loopback = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
            (await loopback.GetAsync(authorize.Headers.Location, ct)).EnsureSuccessStatusCode();
        });

        result.Source.Should().Be(TokenSource.IdentityProvider);
        result.Scopes.Should().Contain("api://orders/write");
        opened!.Query.Should().Contain("login_hint=");
        fake.TokenRequests.Select(r => r.Form["grant_type"]).Should().Equal("password", "refresh_token", "authorization_code");
    }

    [Test]
    public async Task Retries_Throttled_WaitsRetryAfterThenSucceeds()
    {
        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        fake.RegisterClient(ClientId, "s3cret");
        fake.EnqueueTokenResponse(FakeTokenResponse.Throttled(TimeSpan.FromSeconds(1)));
        var app = Daemon(fake);

        var result = await Errors.AppTokenWithRetriesAsync(app, CancellationToken.None);

        result.Source.Should().Be(TokenSource.IdentityProvider);
        fake.RequestCount("client_credentials").Should().Be(2, "one throttled, one after the wait");
    }

    [Test]
    public async Task Retries_ServerErrors_LibraryRetriesOnceThenTheLoopAgain()
    {
        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        fake.RegisterClient(ClientId, "s3cret");
        fake.EnqueueTokenResponse(FakeTokenResponse.ServerError());
        fake.EnqueueTokenResponse(FakeTokenResponse.ServerError());
        var app = Daemon(fake);

        var result = await Errors.AppTokenWithRetriesAsync(app, CancellationToken.None);

        result.AccessToken.Should().NotBeNullOrEmpty();
        fake.RequestCount("client_credentials").Should().Be(3, "two 500s (the library's own retry), then the loop's second attempt");
    }

    [Test]
    public async Task Retries_InvalidClient_IsNotRetried()
    {
        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        fake.RegisterClient(ClientId, "s3cret");
        fake.EnqueueTokenResponse(FakeTokenResponse.InvalidClient());
        var app = Daemon(fake);

        var act = () => Errors.AppTokenWithRetriesAsync(app, CancellationToken.None);

        var ex = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        ex.Code.Should().Be("invalid_client");
        ex.StatusCode.Should().Be(401);
        ex.ErrorCodes.Should().Contain(7000215);
        ex.IsRetryable.Should().BeFalse();
        Errors.Describe(ex).Should().StartWith("invalid_client (HTTP 401, AADSTS 7000215, trace ");
        fake.RequestCount("client_credentials").Should().Be(1);
    }

    [Test]
    public async Task ClaimsChallenge_FromA401_IsSentWithTheSilentRefresh()
    {
        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        fake.RegisterClient(ClientId, "s3cret");
        var app = Daemon(fake);
        var signIn = await app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
        {
            Scopes = Scopes,
            Username = fake.DefaultUser.Username,
            Password = fake.DefaultUser.Password,
        });
        const string Claims = """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""";
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate",
            $"Bearer realm=\"\", error=\"insufficient_claims\", claims=\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(Claims))}\"");

        var result = await Errors.AnswerClaimsChallengeAsync(app, signIn.Account!, Scopes, response);

        result!.Source.Should().Be(TokenSource.IdentityProvider, "a claims challenge skips the cached token");
        var refresh = fake.TokenRequests[^1];
        refresh.Form["grant_type"].Should().Be("refresh_token");
        refresh.Form["claims"].Should().Contain("\"acrs\"");
    }

    [Test]
    public void Describe_ClientError_ShowsCodeAndCorrelation()
    {
        var id = Guid.NewGuid();

        var line = Errors.Describe(new AuthClientException(AuthErrorCodes.NetworkError, "down") { CorrelationId = id });

        line.Should().Be($"network_error (correlation {id})");
    }

    private static ConfidentialClientApplication Daemon(FakeAuthority fake) => new(new ConfidentialClientOptions
    {
        ClientId = ClientId,
        Authority = fake.AuthorityFor("login.microsoftonline.com"),
        ClientCredential = ClientCredential.FromSecret("s3cret"),
        RetryDelay = TimeSpan.Zero,
        NetworkClient = new HttpClientNetworkClient(fake.CreateHttpClient()),
    });
}
