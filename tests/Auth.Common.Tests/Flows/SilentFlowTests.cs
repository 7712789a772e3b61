using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Grants.Silent;
using Auth.Common.Grants.UsernamePassword;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SilentFlowTests
{
    private static readonly string[] Scopes = ["api://x/read"];
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly UserTokenServer _server;
    private readonly UserTokenExchange _exchange;
    private readonly SilentFlow _silent;

    public SilentFlowTests()
    {
        _server = new UserTokenServer(_time);
        _exchange = new UserTokenExchange(TestRuntime.Create(_server.Network, _time));
        _silent = new SilentFlow(_exchange);
    }

    private async Task<AccountInfo> SignInAsync()
    {
        var result = await new UsernamePasswordFlow(_exchange).AcquireAsync(
            new UsernamePasswordRequest { Scopes = Scopes, Username = "ada@contoso.com", Password = "pw" }, CancellationToken.None);
        return result.Account!;
    }

    private Task<AuthenticationResult> Silent(AccountInfo account, bool force = false, string? claims = null) =>
        _silent.AcquireAsync(new SilentFlowRequest { Scopes = Scopes, Account = account, ForceRefresh = force, Claims = claims }, CancellationToken.None);

    [Test]
    public async Task Silent_ValidCachedToken_IsServedWithoutRequest()
    {
        var account = await SignInAsync();

        var result = await Silent(account);

        result.Source.Should().Be(TokenSource.Cache);
        result.AccessToken.Should().Be("at-1");
        result.Account!.Username.Should().Be("ada@contoso.com");
        result.IdTokenClaims!["oid"].Should().Be("oid-1");
        _server.TokenRequests.Should().Be(1);
    }

    [Test]
    public async Task Silent_ExpiredAccessToken_RedeemsTheRefreshTokenOnce()
    {
        var account = await SignInAsync();
        _time.Advance(TimeSpan.FromHours(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Silent(account)));

        results.Select(r => r.AccessToken).Distinct().Should().Equal("at-2");
        _server.TokenRequests.Should().Be(2);
        _server.Network.Requests.Last().Form.Should().Contain(new KeyValuePair<string, string>("refresh_token", "rt-1"));
    }

    [Test]
    public async Task Silent_ForceRefreshOrClaims_RedeemTheRefreshToken()
    {
        var account = await SignInAsync();

        var forced = await Silent(account, force: true);
        var claims = await Silent(account, claims: """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""");

        forced.Source.Should().Be(TokenSource.IdentityProvider);
        claims.Source.Should().Be(TokenSource.IdentityProvider);
        _server.TokenRequests.Should().Be(3);
    }

    [Test]
    public async Task Silent_RefreshTokenRejected_IsInteractionRequired()
    {
        var account = await SignInAsync();
        _time.Advance(TimeSpan.FromHours(1));
        _server.Scripted.Enqueue((400, """{"error":"invalid_grant","error_description":"AADSTS70008: expired","error_codes":[70008]}"""));

        var act = () => Silent(account);

        (await act.Should().ThrowAsync<InteractionRequiredException>()).Which.Code.Should().Be("invalid_grant");
    }

    [Test]
    public async Task Silent_UnknownAccount_IsInteractionRequiredNoTokensFound()
    {
        var stranger = new AccountInfo { HomeAccountId = "nobody.t", Environment = "login.example.com" };

        var act = () => Silent(stranger);

        (await act.Should().ThrowAsync<InteractionRequiredException>()).Which.Code.Should().Be(AuthErrorCodes.NoTokensFound);
        _server.TokenRequests.Should().Be(0);
    }

    [Test]
    public async Task Silent_ScopesNotCovered_RedeemsTheRefreshTokenForThem()
    {
        var account = await SignInAsync();

        var result = await _silent.AcquireAsync(new SilentFlowRequest { Scopes = ["api://y/write"], Account = account }, CancellationToken.None);

        result.Source.Should().Be(TokenSource.IdentityProvider);
        _server.Network.Requests.Last().Form!.Single(p => p.Key == "scope").Value.Should().Be("api://y/write openid profile offline_access");
    }

    [Test]
    public async Task RemoveAccount_RemovesThatAccountsTokensAndLeavesOthers()
    {
        var ada = await SignInAsync();
        _server.Oid = "oid-2";
        var bob = await SignInAsync();
        var cache = new Common.Cache.TokenCache(_exchange.Runtime.Cache);

        await cache.RemoveAccountAsync(ada);

        (await cache.GetAllAccountsAsync()).Select(a => a.HomeAccountId).Should().Equal("oid-2.tid-1");
        var adaSilent = () => Silent(ada);
        await adaSilent.Should().ThrowAsync<InteractionRequiredException>();
        (await Silent(bob)).Source.Should().Be(TokenSource.Cache);
        var json = cache.Serialize();
        json.Should().NotContain("oid-1.tid-1");
    }
}
