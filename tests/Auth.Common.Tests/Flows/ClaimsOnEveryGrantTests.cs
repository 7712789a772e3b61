using System.Text.Json.Nodes;
using Auth.Common.Grants.AuthorizationCode;
using Auth.Common.Grants.ClientCredentials;
using Auth.Common.Grants.DeviceCode;
using Auth.Common.Grants.OnBehalfOf;
using Auth.Common.Grants.RefreshToken;
using Auth.Common.Grants.Silent;
using Auth.Common.Grants.UsernamePassword;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Platform;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Runtime;
using Auth.Common.Tests.TestDoubles;
using Auth.Common.Threading;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

/// <summary>
/// Every grant sends the request's claims merged with the app's client capabilities (<c>xms_cc</c>), and a
/// request with claims never takes a cached access token.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClaimsOnEveryGrantTests
{
    private const string Challenge = """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""";
    private static readonly string[] Scopes = ["api://x/read"];
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly UserTokenServer _server;
    private readonly ClientRuntime _runtime;
    private readonly UserTokenExchange _exchange;

    public ClaimsOnEveryGrantTests()
    {
        _server = new UserTokenServer(_time);
        _runtime = TestRuntime.Create(_server.Network, _time, authenticator: new FakeAuthenticator(), capabilities: ["cp1"]);
        _exchange = new UserTokenExchange(_runtime);
    }

    private NetworkRequest LastTokenRequest => _server.Network.Requests.Last(r => r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal));

    private static void ShouldCarryChallengeAndCapabilities(string? claims)
    {
        var parsed = JsonNode.Parse(claims!)!;
        parsed["access_token"]!["acrs"]!["value"]!.GetValue<string>().Should().Be("c1");
        parsed["access_token"]!["xms_cc"]!["values"]![0]!.GetValue<string>().Should().Be("cp1");
    }

    private static string? Claims(NetworkRequest request) => request.Form!.FirstOrDefault(f => f.Key == "claims").Value;

    [Test]
    public async Task UsernamePassword_WithClaims_SendsThemMerged()
    {
        await new UsernamePasswordFlow(_exchange).AcquireAsync(new UsernamePasswordRequest { Scopes = Scopes, Username = "u", Password = "p", Claims = Challenge }, CancellationToken.None);

        ShouldCarryChallengeAndCapabilities(Claims(LastTokenRequest));
    }

    [Test]
    public async Task RefreshToken_WithClaims_SendsThemMerged()
    {
        await new RefreshTokenFlow(_exchange).AcquireAsync(new RefreshTokenRequest { Scopes = Scopes, RefreshToken = "rt-0", Claims = Challenge }, CancellationToken.None);

        ShouldCarryChallengeAndCapabilities(Claims(LastTokenRequest));
    }

    [Test]
    public async Task AuthorizationCode_WithClaims_SendsThemMerged()
    {
        await new AuthorizationCodeFlow(_exchange).AcquireAsync(
            new AuthorizationCodeRequest { Scopes = Scopes, RedirectUri = new Uri("http://127.0.0.1/"), Code = "code", CodeVerifier = "v", State = "s", ReturnedState = "s", Claims = Challenge }, CancellationToken.None);

        ShouldCarryChallengeAndCapabilities(Claims(LastTokenRequest));
    }

    [Test]
    public async Task AuthorizationUrl_WithClaims_CarriesThemMerged()
    {
        var url = await new AuthorizationUrlBuilder(_runtime).BuildAsync(
            new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = new Uri("http://127.0.0.1/"), Claims = Challenge }, CancellationToken.None);

        var query = url.Url.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        ShouldCarryChallengeAndCapabilities(query["claims"]);
    }

    [Test]
    public async Task DeviceCode_WithClaims_SendsThemToBothEndpoints()
    {
        var polling = new DeviceCodeFlow(_exchange).AcquireAsync(
            new DeviceCodeRequest { Scopes = Scopes, DeviceCodeCallback = (_, _) => Task.CompletedTask, Claims = Challenge }, CancellationToken.None);
        for (var i = 0; i < 2000 && !polling.IsCompleted; i++)
        {
            // The flow waits the poll interval on the fake clock.
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await polling;

        var deviceAuthorization = _server.Network.Requests.Single(r => r.Uri.AbsolutePath.EndsWith("/devicecode", StringComparison.Ordinal));
        ShouldCarryChallengeAndCapabilities(Claims(deviceAuthorization));
        ShouldCarryChallengeAndCapabilities(Claims(LastTokenRequest));
    }

    [Test]
    public async Task ClientCredentials_WithClaims_SkipsTheCacheAndSendsThemMerged()
    {
        var flow = new ClientCredentialFlow(_runtime);
        _server.Scripted.Enqueue((200, """{"token_type":"Bearer","expires_in":3600,"access_token":"app-1"}"""));
        _server.Scripted.Enqueue((200, """{"token_type":"Bearer","expires_in":3600,"access_token":"app-2"}"""));
        await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"] }, CancellationToken.None);

        var withClaims = await flow.AcquireAsync(new ClientCredentialRequest { Scopes = ["api://x/.default"], Claims = Challenge }, CancellationToken.None);

        withClaims.Source.Should().Be(TokenSource.IdentityProvider);
        withClaims.AccessToken.Should().Be("app-2");
        ShouldCarryChallengeAndCapabilities(Claims(LastTokenRequest));
    }

    [Test]
    public async Task Silent_WithClaims_RedeemsTheRefreshTokenWithThem()
    {
        var signIn = await new UsernamePasswordFlow(_exchange).AcquireAsync(new UsernamePasswordRequest { Scopes = Scopes, Username = "u", Password = "p" }, CancellationToken.None);

        var result = await new SilentFlow(_exchange).AcquireAsync(new SilentFlowRequest { Scopes = Scopes, Account = signIn.Account!, Claims = Challenge }, CancellationToken.None);

        result.Source.Should().Be(TokenSource.IdentityProvider, "the cached token is valid but lacks the claims");
        LastTokenRequest.Form.Should().Contain(new KeyValuePair<string, string>("refresh_token", "rt-1"));
        ShouldCarryChallengeAndCapabilities(Claims(LastTokenRequest));
    }

    [Test]
    public async Task OnBehalfOf_WithClaims_SkipsTheCacheAndExchangesTheAssertionWithThem()
    {
        var flow = new OnBehalfOfFlow(_exchange, new SerializedFlight<AuthenticationResult>());
        var first = await flow.AcquireAsync(new OnBehalfOfRequest { Scopes = Scopes, OboAssertion = "incoming" }, CancellationToken.None);

        var withClaims = await flow.AcquireAsync(new OnBehalfOfRequest { Scopes = Scopes, OboAssertion = "incoming", Claims = Challenge }, CancellationToken.None);
        var afterwards = await flow.AcquireAsync(new OnBehalfOfRequest { Scopes = Scopes, OboAssertion = "incoming" }, CancellationToken.None);

        withClaims.Source.Should().Be(TokenSource.IdentityProvider);
        withClaims.AccessToken.Should().NotBe(first.AccessToken);
        _server.Network.Requests.Should().HaveCount(2);
        var sent = _server.Network.Requests.Last();
        sent.Form.Should().Contain(new KeyValuePair<string, string>("assertion", "incoming")).And.NotContain(f => f.Key == "refresh_token");
        ShouldCarryChallengeAndCapabilities(Claims(sent));
        afterwards.AccessToken.Should().Be(withClaims.AccessToken, "the token obtained with the claims replaced the one without");
    }

    [Test]
    public async Task NoClaims_CapabilitiesAlone_AreSent()
    {
        await new UsernamePasswordFlow(_exchange).AcquireAsync(new UsernamePasswordRequest { Scopes = Scopes, Username = "u", Password = "p" }, CancellationToken.None);

        JsonNode.Parse(Claims(LastTokenRequest)!)!.ToJsonString().Should().Be("""{"access_token":{"xms_cc":{"values":["cp1"]}}}""");
    }
}
