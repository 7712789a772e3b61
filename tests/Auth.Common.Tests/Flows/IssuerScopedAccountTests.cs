using System.Text.Json.Nodes;
using Auth.Common.Accounts;
using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Grants.Silent;
using Auth.Common.Grants.UsernamePassword;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Platform;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

/// <summary>
/// Two OpenID Providers on one host (Keycloak realms <c>/realms/a</c> and <c>/realms/b</c>), one client id, and a user of
/// each with the same <c>sub</c>: OpenID Connect users are (iss, sub), so neither may ever be served the other's tokens,
/// nor have the other's refresh token sent to its issuer.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class IssuerScopedAccountTests
{
    private const string IssuerA = "https://idp.example.com/realms/a";
    private const string IssuerB = "https://idp.example.com/realms/b";
    private const string Sub = "f3c1d2e4-user";
    private static readonly string[] Scopes = ["api://x/read"];
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly RecordingNetworkClient _network;
    private readonly UserTokenExchange _exchange;
    private readonly SilentFlow _silent;
    private int _issued;
    private string _nextSub = Sub;

    public IssuerScopedAccountTests()
    {
        _network = new RecordingNetworkClient(Answer);
        var authority = AuthorityInfo.Parse(IssuerA, ProtocolMode.Oidc, false);
        var runtime = TestRuntime.Create(_network, _time, authority: authority);
        foreach (var issuer in new[] { IssuerA, IssuerB })
        {
            runtime.Metadata.Seed(
                AuthorityInfo.Parse(issuer, ProtocolMode.Oidc, false),
                $$"""{"issuer":"{{issuer}}","token_endpoint":"{{issuer}}/protocol/openid-connect/token","authorization_endpoint":"{{issuer}}/protocol/openid-connect/auth"}""");
        }

        _exchange = new UserTokenExchange(runtime);
        _silent = new SilentFlow(_exchange);
    }

    private TokenCache Cache => new(_exchange.Runtime.Cache);

    /// <summary>The token requests sent: which issuer each went to and the refresh token it carried.</summary>
    private List<(string Issuer, string? RefreshToken)> TokenRequests =>
        [.. _network.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal))
            .Select(r => (IssuerOf(r.Uri), r.Form!.FirstOrDefault(f => f.Key == "refresh_token").Value))];

    [Test]
    public async Task SignIn_SameSubAtTwoIssuers_GivesTwoAccountsWithIssuerScopedIds()
    {
        var a = await SignInAsync(IssuerA);
        var b = await SignInAsync(IssuerB);

        a.HomeAccountId.Should().NotBe(b.HomeAccountId);
        a.HomeAccountId.Should().StartWith(Sub + "~");
        b.HomeAccountId.Should().StartWith(Sub + "~");
        a.LocalAccountId.Should().Be(Sub, "the local id stays the sub");
        (await Cache.GetAllAccountsAsync()).Select(x => x.HomeAccountId).Should().BeEquivalentTo([a.HomeAccountId, b.HomeAccountId]);
    }

    [Test]
    public async Task Silent_EachIssuersAccount_IsServedItsOwnAccessToken()
    {
        var a = await SignInAsync(IssuerA);
        var b = await SignInAsync(IssuerB);
        var sent = TokenRequests.Count;

        var fromA = await SilentAsync(IssuerA, a);
        var fromB = await SilentAsync(IssuerB, b);

        fromA.Source.Should().Be(TokenSource.Cache);
        fromA.AccessToken.Should().StartWith("at-a-");
        fromB.Source.Should().Be(TokenSource.Cache);
        fromB.AccessToken.Should().StartWith("at-b-");
        TokenRequests.Should().HaveCount(sent);
    }

    [Test]
    public async Task Silent_AccountOfAnotherIssuer_IsInteractionRequiredWithoutARequest()
    {
        var a = await SignInAsync(IssuerA);
        await SignInAsync(IssuerB);
        _time.Advance(TimeSpan.FromHours(2));
        var sent = TokenRequests.Count;

        var act = () => SilentAsync(IssuerB, a);

        var error = (await act.Should().ThrowAsync<InteractionRequiredException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.NoTokensFound);
        error.Message.Should().Contain(IssuerB).And.Contain("another issuer");
        TokenRequests.Should().HaveCount(sent, "issuer A's refresh token is not sent to issuer B");
    }

    [Test]
    public async Task Silent_Refresh_SendsEachIssuersRefreshTokenToThatIssuerOnly()
    {
        var a = await SignInAsync(IssuerA);
        var b = await SignInAsync(IssuerB);
        _time.Advance(TimeSpan.FromHours(2));

        var fromA = await SilentAsync(IssuerA, a);
        var fromB = await SilentAsync(IssuerB, b);

        TokenRequests.Skip(2).Should().Equal((IssuerA, "rt-a-1"), (IssuerB, "rt-b-2"));
        fromA.AccessToken.Should().StartWith("at-a-");
        fromA.Account!.HomeAccountId.Should().Be(a.HomeAccountId);
        fromB.AccessToken.Should().StartWith("at-b-");
        fromB.Account!.HomeAccountId.Should().Be(b.HomeAccountId);
    }

    [Test]
    public async Task GetAccountByHomeId_FindsEachIssuersAccount_AndNotACaseVariant()
    {
        var a = await SignInAsync(IssuerA);
        var b = await SignInAsync(IssuerB);

        (await Cache.GetAccountByHomeIdAsync(a.HomeAccountId))!.HomeAccountId.Should().Be(a.HomeAccountId);
        (await Cache.GetAccountByHomeIdAsync(b.HomeAccountId))!.HomeAccountId.Should().Be(b.HomeAccountId);
        (await Cache.GetAccountByHomeIdAsync(a.HomeAccountId.ToUpperInvariant())).Should().BeNull("sub is case-sensitive");
        (await Cache.GetAccountByHomeIdAsync(Sub)).Should().BeNull();
    }

    [Test]
    public async Task SignIn_SubsDifferingOnlyInCase_AreTwoAccountsThatSurviveSerialization()
    {
        var lower = await SignInAsync(IssuerA, "user-x");
        var upper = await SignInAsync(IssuerA, "User-X");

        Cache.Deserialize(Cache.Serialize());

        lower.HomeAccountId.ToLowerInvariant().Should().NotBe(upper.HomeAccountId.ToLowerInvariant(), "cache keys are lower-cased");
        (await SilentAsync(IssuerA, lower)).AccessToken.Should().Be("at-a-1");
        (await SilentAsync(IssuerA, upper)).AccessToken.Should().Be("at-a-2");
    }

    [Test]
    public async Task Silent_AccountCachedWithABareSub_IsInteractionRequiredAndItsRefreshTokenIsNotSent()
    {
        await SignInAsync(IssuerA);
        var legacy = JsonNode.Parse(Cache.Serialize())!;
        foreach (var section in new[] { "Account", "IdToken", "AccessToken", "RefreshToken" })
        {
            var entries = legacy[section]!.AsObject();
            foreach (var (key, entry) in entries.ToList())
            {
                entries.Remove(key);
                entry!["home_account_id"] = Sub;
                entries[Sub + key[key.IndexOf("-idp.example.com", StringComparison.Ordinal)..]] = entry;
            }
        }

        Cache.Deserialize(legacy.ToJsonString());
        var account = (await Cache.GetAllAccountsAsync()).Single();
        _time.Advance(TimeSpan.FromHours(2));

        var act = () => SilentAsync(IssuerA, account);

        account.HomeAccountId.Should().Be(Sub);
        (await act.Should().ThrowAsync<InteractionRequiredException>()).Which.Code.Should().Be(AuthErrorCodes.NoTokensFound);
        TokenRequests.Should().HaveCount(1, "a bare sub names no issuer, so its refresh token is sent nowhere");
    }

    [Test]
    public void IssuerScopedAccountId_DependsOnTheIssuerAsComparedNotAsSpelled()
    {
        var canonical = AuthorityInfo.Parse("https://idp.example.com/realms/a", ProtocolMode.Oidc, false);
        var spelled = AuthorityInfo.Parse("https://IDP.example.com:443/realms/a/", ProtocolMode.Oidc, false);
        var port = AuthorityInfo.Parse("https://idp.example.com:8443/realms/a", ProtocolMode.Oidc, false);
        var path = AuthorityInfo.Parse("https://idp.example.com/realms/A", ProtocolMode.Oidc, false);

        var id = IssuerScopedAccountId.For(canonical, Sub);

        IssuerScopedAccountId.For(spelled, Sub).Should().Be(id);
        IssuerScopedAccountId.For(port, Sub).Should().NotBe(id);
        IssuerScopedAccountId.For(path, Sub).Should().NotBe(id);
        id.Should().MatchRegex("^f3c1d2e4-user~[0-9a-f]{32}$");
        IssuerScopedAccountId.BelongsTo(id, spelled).Should().BeTrue();
        IssuerScopedAccountId.BelongsTo(id, port).Should().BeFalse();
        IssuerScopedAccountId.BelongsTo(id.ToUpperInvariant(), canonical).Should().BeFalse();
        IssuerScopedAccountId.BelongsTo(Sub, canonical).Should().BeFalse();
    }

    private static string IssuerOf(Uri uri) => uri.AbsoluteUri[..uri.AbsoluteUri.IndexOf("/protocol/", StringComparison.Ordinal)];

    private async Task<AccountInfo> SignInAsync(string issuer, string sub = Sub)
    {
        _nextSub = sub;
        var result = await new UsernamePasswordFlow(_exchange).AcquireAsync(
            new UsernamePasswordRequest { Scopes = Scopes, Username = "ada", Password = "pw", Authority = issuer }, CancellationToken.None);
        return result.Account!;
    }

    private Task<AuthenticationResult> SilentAsync(string issuer, AccountInfo account) =>
        _silent.AcquireAsync(new SilentFlowRequest { Scopes = Scopes, Account = account, Authority = issuer }, CancellationToken.None);

    /// <summary>Each issuer answers with its own tokens (<c>at-a-1</c>, <c>rt-b-2</c>...) and an ID token for the user, with no tid.</summary>
    private NetworkResponse Answer(NetworkRequest request)
    {
        var issuer = IssuerOf(request.Uri);
        var realm = issuer[^1];
        var n = Interlocked.Increment(ref _issued);
        var idToken = TestJwt.Create(new Dictionary<string, object> { ["aud"] = "client1", ["iss"] = issuer, ["sub"] = _nextSub, ["preferred_username"] = "ada", ["exp"] = 4_102_444_800 });
        return RecordingNetworkClient.Json(
            200,
            $$"""{"token_type":"Bearer","expires_in":3600,"scope":"api://x/read openid profile offline_access","access_token":"at-{{realm}}-{{n}}","refresh_token":"rt-{{realm}}-{{n}}","id_token":"{{idToken}}"}""");
    }
}
