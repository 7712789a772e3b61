using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.PublicClient;

/// <summary>
/// Silent, refresh-token and password flows, and the account API: against Entra-style authorities (Entra ID and
/// generic OIDC mode), and against a strict, certified OpenID Provider in generic OIDC mode, which grants no
/// offline_access to these password sign-ins and refuses a refresh that asks for it.
/// </summary>
[TestFixture(false, ProtocolMode.AzureAD)]
[TestFixture(false, ProtocolMode.Oidc)]
[TestFixture(true, ProtocolMode.Oidc)]
public sealed class SilentAndRefreshTests : PublicClientFixture
{
    private readonly bool _strict;
    private readonly ProtocolMode _mode;

    public SilentAndRefreshTests(bool strict, ProtocolMode mode)
    {
        _strict = strict;
        _mode = mode;
    }

    protected override Auth.Testing.FakeAuthorityOptions AuthorityOptions => new() { StrictOpenIdProvider = _strict };

    private Task<AuthenticationResult> SignIn(Server.PublicClientApplication app, Auth.Testing.FakeUser? user = null) =>
        app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
        {
            Scopes = Scopes,
            Username = (user ?? Authority.DefaultUser).Username,
            Password = (user ?? Authority.DefaultUser).Password,
        });

    [Test]
    public async Task Silent_ExpiredAccessTokenValidRefreshToken_MakesOneRequest()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var app = App(_mode, time);
        var first = await SignIn(app);

        time.Advance(TimeSpan.FromHours(1));
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = first.Account! })));

        results.Select(r => r.AccessToken).Distinct().Should().ContainSingle().Which.Should().NotBe(first.AccessToken);
        Authority.RequestCount("refresh_token").Should().Be(1);
        results[0].Account!.HomeAccountId.Should().Be(first.Account!.HomeAccountId);
    }

    [Test]
    public async Task Silent_ForcedAndUnforcedRefreshAtOnce_RedeemEachRefreshTokenOnce()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var app = App(_mode, time);
        var first = await SignIn(app);

        // Past the access token's usable life (1 h, less 5 min), not past the ID tokens the authority issues on its own clock.
        time.Advance(TimeSpan.FromMinutes(58));
        Authority.EnqueueTokenResponse(Auth.Testing.FakeTokenResponse.Slow(TimeSpan.FromMilliseconds(300)));

        // Different request shapes do not share one request, but they must not redeem the same
        // (single-use, rotating) refresh token twice: the second refresh uses the one the first stored.
        var results = await Task.WhenAll(
            app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = first.Account! }),
            app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = first.Account!, ForceRefresh = true }));

        results.Should().OnlyContain(r => r.Source == TokenSource.IdentityProvider || r.Source == TokenSource.Cache);
        var redeemed = Authority.TokenRequests.Where(r => r.Form.GetValueOrDefault("grant_type") == "refresh_token")
            .Select(r => r.Form["refresh_token"]).ToList();
        redeemed.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public async Task Silent_RefreshTokenRevoked_IsInteractionRequired()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var app = App(_mode, time);
        var first = await SignIn(app);
        Authority.RevokeRefreshTokens();
        time.Advance(TimeSpan.FromHours(1));

        var act = () => app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = first.Account! });

        (await act.Should().ThrowAsync<InteractionRequiredException>()).Which.Code.Should().Be("invalid_grant");
    }

    [Test]
    public async Task RefreshToken_FromElsewhere_IsRedeemedAndCached()
    {
        var legacy = App(_mode);
        await SignIn(legacy);
        using var legacyCache = System.Text.Json.JsonDocument.Parse(legacy.GetTokenCache().Serialize());
        var refreshToken = legacyCache.RootElement.GetProperty("RefreshToken").EnumerateObject().Single().Value.GetProperty("secret").GetString()!;
        var app = App(_mode);

        var result = await app.AcquireTokenByRefreshTokenAsync(new RefreshTokenRequest { Scopes = Scopes, RefreshToken = refreshToken, ReturnRefreshToken = true });
        var silent = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = result.Account! });

        result.RefreshToken.Should().NotBeNullOrEmpty().And.NotBe(refreshToken, "the fake rotates refresh tokens");
        silent.Source.Should().Be(TokenSource.Cache);
    }

    [Test]
    public async Task UsernamePassword_WrongPassword_IsInvalidGrant()
    {
        var act = () => App(_mode).AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest { Scopes = Scopes, Username = Authority.DefaultUser.Username, Password = "wrong" });

        var error = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        error.Code.Should().Be("invalid_grant");
        error.Message.Should().NotContain("wrong");
    }

    [Test]
    public async Task Accounts_LookupAndRemove_LeaveOtherAccountsIntact()
    {
        var app = App(_mode);
        var bob = new Auth.Testing.FakeUser { Username = "bob@contoso.com", Password = "B0b!pass", Name = "Bob" };
        Authority.RegisterUser(bob);
        var ada = (await SignIn(app)).Account!;
        var bobAccount = (await SignIn(app, bob)).Account!;
        var cache = app.GetTokenCache();

        var all = await cache.GetAllAccountsAsync();
        var byHome = await cache.GetAccountByHomeIdAsync(ada.HomeAccountId);
        var byLocal = await cache.GetAccountByLocalIdAsync(bobAccount.LocalAccountId!);
        await cache.RemoveAccountAsync(ada);

        all.Select(a => a.Username).Should().BeEquivalentTo(["ada@contoso.com", "bob@contoso.com"]);
        byHome!.Name.Should().Be(Authority.DefaultUser.Name);
        byLocal!.Username.Should().Be("bob@contoso.com");
        (await cache.GetAllAccountsAsync()).Select(a => a.Username).Should().Equal("bob@contoso.com");
        (await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = bobAccount })).Source.Should().Be(TokenSource.Cache);
        var adaSilent = () => app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = ada });
        await adaSilent.Should().ThrowAsync<InteractionRequiredException>();
    }
}
