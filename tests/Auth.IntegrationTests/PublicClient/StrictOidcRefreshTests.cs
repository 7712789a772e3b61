using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.PublicClient;

/// <summary>
/// Issue 14: a public client signs in with auth code + PKCE against a strict, certified OpenID Provider and asks for
/// offline_access without prompt=consent; its refresh token's grant lacks offline_access, so a refresh must ask only
/// for scopes the grant holds (RFC 6749 section 6). Over HTTPS against <see cref="FakeAuthorityOptions.StrictOpenIdProvider"/>,
/// app and authority on one clock.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class StrictOidcRefreshTests : PublicClientFixture
{
    private static readonly Uri Redirect = new("http://127.0.0.1:8400/");
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());

    protected override FakeAuthorityOptions AuthorityOptions => new() { StrictOpenIdProvider = true, TimeProvider = _time };

    [TestCase(null, "openid profile api://orders/read")]
    [TestCase("consent", "openid profile offline_access api://orders/read")]
    public async Task Silent_AfterAuthCodeWithPkce_RefreshesAskingOnlyForGrantedScopes(string? prompt, string granted)
    {
        var app = App(ProtocolMode.Oidc, _time);
        var signIn = await SignInAsync(app, prompt);
        _time.Advance(TimeSpan.FromMinutes(58));

        var refreshed = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = signIn.Account! });
        _time.Advance(TimeSpan.FromMinutes(58));
        var again = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = signIn.Account! });

        refreshed.Source.Should().Be(TokenSource.IdentityProvider);
        again.Source.Should().Be(TokenSource.IdentityProvider, "the rotated refresh token keeps its grant");
        Authority.RequestCount("refresh_token").Should().Be(2);
        var grant = granted.Split(' ');
        foreach (var refresh in RefreshRequests())
        {
            refresh.Form["scope"].Split(' ').Should().BeSubsetOf(grant).And.Contain("api://orders/read");
        }
    }

    [Test]
    public async Task Silent_ScopeNotInTheGrant_IsInteractionRequiredWithoutARefreshRequest()
    {
        var app = App(ProtocolMode.Oidc, _time);
        var signIn = await SignInAsync(app, prompt: null);

        var act = () => app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = ["api://orders/write"], Account = signIn.Account! });

        var error = (await act.Should().ThrowAsync<InteractionRequiredException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.ScopeNotGranted);
        Authority.RequestCount("refresh_token").Should().Be(0);
    }

    [Test]
    public async Task Silent_CachedGrantOutOfDate_StrictProviderStillRefusesAndTheErrorIsTyped()
    {
        var app = App(ProtocolMode.Oidc, _time);
        var signIn = await SignInAsync(app, prompt: null);
        var cache = app.GetTokenCache();
        var json = System.Text.Json.Nodes.JsonNode.Parse(cache.Serialize())!;
        var refreshToken = json["RefreshToken"]!.AsObject().Single().Value!;
        refreshToken["target"] = refreshToken["target"]!.GetValue<string>() + " offline_access";
        cache.Deserialize(json.ToJsonString());
        _time.Advance(TimeSpan.FromMinutes(58));

        var act = () => app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = signIn.Account! });

        var error = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        error.Error.Should().Be("invalid_scope", "the fake refuses what the grant lacks: this test proves it would catch a regression");
        error.ErrorDescription.Should().Be("refresh token missing requested scope");
    }

    private async Task<AuthenticationResult> SignInAsync(PublicClientApplication app, string? prompt)
    {
        var pkce = PkceCodes.Create();
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = Scopes, RedirectUri = Redirect, CodeChallenge = pkce.Challenge, State = "st", Nonce = "nn", Prompt = prompt });
        var redirect = System.Web.HttpUtility.ParseQueryString((await AuthorizeAsync(url)).Query);
        return await app.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
        {
            Scopes = Scopes,
            RedirectUri = Redirect,
            Code = redirect["code"]!,
            CodeVerifier = pkce.Verifier,
            State = "st",
            ReturnedState = redirect["state"],
            Nonce = "nn",
        });
    }

    private IEnumerable<FakeTokenRequest> RefreshRequests() => Authority.TokenRequests.Where(r => r.GrantType == "refresh_token");
}
