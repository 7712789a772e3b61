using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Grants.AuthorizationCode;
using Auth.Common.Grants.Silent;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

/// <summary>The hybrid SPA flow's library side: <c>return_spa_code=1</c> only when asked, the <c>spa_code</c> in the result only, public clients refused.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SpaAuthorizationCodeTests
{
    private const string SpaCode = "spa-code-that-is-never-cached-or-printed";
    private static readonly Uri Redirect = new("https://app.example.com/signin-callback");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly UserTokenServer _server;

    public SpaAuthorizationCodeTests() => _server = new UserTokenServer(_time);

    private static AuthorizationCodeRequest Request(bool spa) => new()
    {
        Scopes = ["api://x/read"],
        RedirectUri = Redirect,
        Code = "code-1",
        CodeVerifier = "v",
        State = "s",
        ReturnedState = "s",
        Nonce = "n1",
        EnableSpaAuthorizationCode = spa,
    };

    private UserTokenExchange Exchange(bool confidential) =>
        new(TestRuntime.Create(_server.Network, _time, authenticator: confidential ? new FakeAuthenticator() : null));

    private void AnswerWithSpaCode() => _server.Scripted.Enqueue((200, "{\"spa_code\":\"" + SpaCode + "\"," + _server.Success(nonce: "n1").TrimStart()[1..]));

    [Test]
    public async Task Redeem_SpaCodeNotAsked_SendsNoReturnSpaCodeAndReturnsNone()
    {
        AnswerWithSpaCode();

        var result = await new AuthorizationCodeFlow(Exchange(confidential: true)).AcquireAsync(Request(spa: false), CancellationToken.None);

        _server.Network.Requests.Single().Form!.Select(f => f.Key).Should().NotContain("return_spa_code");
        result.SpaAuthCode.Should().BeNull("the app did not ask for a SPA code");
    }

    [Test]
    public async Task Redeem_SpaCodeAsked_SendsReturnSpaCodeAndSurfacesTheSpaCode()
    {
        AnswerWithSpaCode();

        var result = await new AuthorizationCodeFlow(Exchange(confidential: true)).AcquireAsync(Request(spa: true), CancellationToken.None);

        _server.Network.Requests.Single().Form!.Should().Contain(new KeyValuePair<string, string>("return_spa_code", "1"));
        result.SpaAuthCode.Should().Be(SpaCode);
        result.ToString().Should().NotContain(SpaCode).And.Contain("SpaAuthCode = (redacted)");
    }

    [Test]
    public async Task Redeem_SpaCodeAsked_IsNeverCachedAndASilentCallReturnsNone()
    {
        var exchange = Exchange(confidential: true);
        AnswerWithSpaCode();

        var result = await new AuthorizationCodeFlow(exchange).AcquireAsync(Request(spa: true), CancellationToken.None);
        var silent = await new SilentFlow(exchange).AcquireAsync(new SilentFlowRequest { Scopes = ["api://x/read"], Account = result.Account! }, CancellationToken.None);

        exchange.Runtime.Cache.Store.Serialize().Should().NotContain(SpaCode);
        silent.Source.Should().Be(TokenSource.Cache);
        silent.SpaAuthCode.Should().BeNull();
    }

    [Test]
    public async Task Redeem_SpaCodeAskedByAPublicClient_IsRefusedBeforeAnythingIsSent()
    {
        var correlationId = Guid.NewGuid();

        var act = () => new AuthorizationCodeFlow(Exchange(confidential: false)).AcquireAsync(Request(spa: true) with { CorrelationId = correlationId }, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.SpaCodeRequiresConfidentialClient);
        error.CorrelationId.Should().Be(correlationId);
        _server.Network.Requests.Should().BeEmpty("nothing is sent, not even a discovery request");
    }
}
