using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Grants.AuthorizationCode;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AuthorizationCodeFlowTests
{
    private static readonly Uri Redirect = new("http://127.0.0.1:5000/");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly UserTokenServer _server;
    private readonly UserTokenExchange _exchange;

    public AuthorizationCodeFlowTests()
    {
        _server = new UserTokenServer(_time);
        _exchange = new UserTokenExchange(TestRuntime.Create(_server.Network, _time));
    }

    private static Dictionary<string, string> Query(Uri url) =>
        url.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));

    [Test]
    public async Task BuildUrl_HasEveryParameter()
    {
        var url = await new AuthorizationUrlBuilder(_exchange.Runtime).BuildAsync(
            new AuthorizationUrlRequest
            {
                Scopes = ["api://x/read"],
                RedirectUri = Redirect,
                CodeChallenge = "challenge",
                State = "s1",
                Nonce = "n1",
                Prompt = "select_account",
                LoginHint = "ada@contoso.com",
                DomainHint = "contoso.com",
                ResponseMode = "query",
                Claims = """{"id_token":{"acr":null}}""",
                ExtraQueryParameters = new Dictionary<string, string> { ["dc"] = "ESTS-PUB" },
            },
            CancellationToken.None);

        url.CodeVerifier.Should().BeNull("the app sent its own challenge");
        url.Url.GetLeftPart(UriPartial.Path).Should().Be("https://login.example.com/tenant1/oauth2/v2.0/authorize");
        Query(url.Url).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["client_id"] = "client1",
            ["response_type"] = "code",
            ["redirect_uri"] = "http://127.0.0.1:5000/",
            ["scope"] = "api://x/read openid profile offline_access",
            ["state"] = "s1",
            ["nonce"] = "n1",
            ["code_challenge"] = "challenge",
            ["code_challenge_method"] = "S256",
            ["prompt"] = "select_account",
            ["login_hint"] = "ada@contoso.com",
            ["domain_hint"] = "contoso.com",
            ["response_mode"] = "query",
            ["claims"] = """{"id_token":{"acr":null}}""",
            ["client_info"] = "1",
            ["dc"] = "ESTS-PUB",
        });
    }

    [Test]
    public async Task BuildUrl_OidcProvider_SendsNothingMicrosoftOnly()
    {
        var network = new RecordingNetworkClient(_ => RecordingNetworkClient.Json(200, """
            {"issuer":"https://idp.example.com","token_endpoint":"https://idp.example.com/token","authorization_endpoint":"https://idp.example.com/auth"}
            """));
        var runtime = TestRuntime.Create(network, _time, authority: AuthorityInfo.Parse("https://idp.example.com", ProtocolMode.Oidc, false));

        var url = await new AuthorizationUrlBuilder(runtime).BuildAsync(
            new AuthorizationUrlRequest { Scopes = ["read"], RedirectUri = Redirect, CodeChallenge = "c", DomainHint = "contoso.com" }, CancellationToken.None);

        Query(url.Url).Keys.Should().NotContain(["client_info", "domain_hint"]);
        Query(url.Url)["state"].Should().Be(url.State).And.NotBeNullOrEmpty();
        Query(url.Url)["nonce"].Should().Be(url.Nonce).And.NotBeNullOrEmpty();
    }

    [Test]
    public async Task BuildUrl_PlainPkce_IsRefused()
    {
        var act = () => new AuthorizationUrlBuilder(_exchange.Runtime).BuildAsync(
            new AuthorizationUrlRequest { Scopes = ["a"], RedirectUri = Redirect, CodeChallenge = "c", CodeChallengeMethod = "plain" }, CancellationToken.None);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidRequest);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task BuildUrl_NothingGiven_GeneratesAndReturnsStateNonceAndPkceForEveryClient(bool confidential)
    {
        var runtime = TestRuntime.Create(_server.Network, _time, authenticator: confidential ? new FakeAuthenticator() : null);

        var url = await new AuthorizationUrlBuilder(runtime).BuildAsync(new AuthorizationUrlRequest { Scopes = ["a"], RedirectUri = Redirect }, CancellationToken.None);

        var query = Query(url.Url);
        url.CodeVerifier.Should().NotBeNullOrEmpty();
        query["code_challenge"].Should().Be(runtime.Crypto.Sha256Base64Url(url.CodeVerifier!));
        query["code_challenge_method"].Should().Be("S256");
        query["state"].Should().Be(url.State).And.NotBeNullOrEmpty();
        query["nonce"].Should().Be(url.Nonce).And.NotBeNullOrEmpty().And.NotBe(url.State);
        ((Uri)url).Should().Be(url.Url);
        url.ToString().Should().NotContain(url.CodeVerifier!);
    }

    [Test]
    public async Task Redeem_SendsCodeVerifierAndRedirect_AndChecksNonce()
    {
        _server.Scripted.Enqueue((200, _server.Success(nonce: "n1")));

        var result = await new AuthorizationCodeFlow(_exchange).AcquireAsync(
            new AuthorizationCodeRequest { Scopes = ["api://x/read"], RedirectUri = Redirect, Code = "code-1", CodeVerifier = "v", State = "s", ReturnedState = "s", Nonce = "n1" },
            CancellationToken.None);

        result.State.Should().Be("s");
        result.Account!.HomeAccountId.Should().Be("oid-1.tid-1");
        _server.Network.Requests.Single().Form.Should().Contain(new KeyValuePair<string, string>("code", "code-1"))
            .And.Contain(new KeyValuePair<string, string>("code_verifier", "v"))
            .And.Contain(new KeyValuePair<string, string>("redirect_uri", "http://127.0.0.1:5000/"))
            .And.Contain(new KeyValuePair<string, string>("grant_type", "authorization_code"));
    }

    [TestCase("")]
    [TestCase("relative/path")]
    [TestCase(null)]
    public async Task Redeem_MissingOrRelativeRedirectUri_IsInvalidRequest(string? redirect)
    {
        var uri = redirect is null ? null! : new Uri(redirect, UriKind.RelativeOrAbsolute);

        var act = () => new AuthorizationCodeFlow(_exchange).AcquireAsync(
            new AuthorizationCodeRequest { Scopes = ["a"], RedirectUri = uri, Code = "c" }, CancellationToken.None);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.InvalidRequest);
        _server.TokenRequests.Should().Be(0);
    }

    [Test]
    public async Task Redeem_StateMismatch_IsRefusedBeforeAnyRequest()
    {
        var act = () => new AuthorizationCodeFlow(_exchange).AcquireAsync(
            new AuthorizationCodeRequest { Scopes = ["a"], RedirectUri = Redirect, Code = "c", CodeVerifier = "v", State = "sent", ReturnedState = "forged" }, CancellationToken.None);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.StateMismatch);
        _server.TokenRequests.Should().Be(0);
    }

    [Test]
    public async Task Redeem_NonceMismatch_IsRefusedAndNothingIsCached()
    {
        _server.Scripted.Enqueue((200, _server.Success(nonce: "other")));

        var act = () => new AuthorizationCodeFlow(_exchange).AcquireAsync(
            new AuthorizationCodeRequest { Scopes = ["a"], RedirectUri = Redirect, Code = "c", CodeVerifier = "v", State = "s", ReturnedState = "s", Nonce = "n1" }, CancellationToken.None);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.NonceMismatch);
        _exchange.Runtime.Cache.Store.Partitions.Should().BeEmpty();
    }
}
