using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Grants.RefreshToken;
using Auth.Common.Grants.Silent;
using Auth.Common.Grants.UsernamePassword;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Flows;

/// <summary>Refreshes against a generic OpenID Provider ask only for the scopes the refresh token was granted (RFC 6749 section 6).</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class OidcRefreshScopeTests
{
    private const string Issuer = "https://login.example.com/tenant1/v2.0";
    private static readonly string[] Read = ["api://x/read"];
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly UserTokenServer _server;
    private readonly UserTokenExchange _exchange;
    private readonly SilentFlow _silent;

    public OidcRefreshScopeTests()
    {
        _server = new UserTokenServer(_time) { Issuer = Issuer };
        var authority = AuthorityInfo.Parse(Issuer, ProtocolMode.Oidc, false);
        var runtime = TestRuntime.Create(_server.Network, _time, authority: authority);
        runtime.Metadata.Seed(authority, $$"""{"issuer":"{{Issuer}}","token_endpoint":"https://login.example.com/tenant1/oauth2/v2.0/token","authorization_endpoint":"https://login.example.com/tenant1/oauth2/v2.0/authorize"}""");
        _exchange = new UserTokenExchange(runtime);
        _silent = new SilentFlow(_exchange);
    }

    private TokenCache Cache => new(_exchange.Runtime.Cache);

    private string? SentScope => _server.Network.Requests.Last().Form!.SingleOrDefault(p => p.Key == "scope").Value;

    [Test]
    public async Task Silent_GrantWithoutOfflineAccess_RefreshAsksOnlyForGrantedScopes()
    {
        var account = await SignInAsync("api://x/read openid profile");
        _time.Advance(TimeSpan.FromHours(1));

        var result = await Silent(account, Read);

        result.Source.Should().Be(TokenSource.IdentityProvider);
        SentScope.Should().Be("api://x/read openid profile");
        RefreshTokenTargets().Should().Equal("api://x/read openid profile");
    }

    [Test]
    public async Task Silent_GrantWithOfflineAccess_KeepsAskingForIt()
    {
        var account = await SignInAsync("openid offline_access api://x/read");
        _time.Advance(TimeSpan.FromHours(1));

        await Silent(account, Read);

        SentScope.Should().Be("api://x/read openid offline_access");
    }

    [Test]
    public async Task Silent_ScopeTheGrantLacks_IsInteractionRequiredWithoutARequest()
    {
        var account = await SignInAsync("api://x/read openid profile");
        var before = _server.TokenRequests;

        var act = () => Silent(account, ["api://x/write"]);

        var error = (await act.Should().ThrowAsync<InteractionRequiredException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.ScopeNotGranted);
        error.Message.Should().Contain("api://x/write");
        _server.TokenRequests.Should().Be(before);
    }

    [Test]
    public async Task Silent_NarrowRefreshAnswer_KeepsTheWholeGrantOnTheRotatedRefreshToken()
    {
        var account = await SignInAsync("api://x/read api://x/write openid");
        _time.Advance(TimeSpan.FromHours(1));
        _server.Scripted.Enqueue((200, Answer("api://x/read openid")));
        _server.Scripted.Enqueue((200, Answer("api://x/write openid")));

        await Silent(account, Read);
        var write = await Silent(account, ["api://x/write"]);

        RefreshTokenTargets().Should().Equal("api://x/read api://x/write openid");
        write.Source.Should().Be(TokenSource.IdentityProvider);
        SentScope.Should().Be("api://x/write openid");
    }

    [Test]
    public async Task Silent_RefreshTokenCachedWithoutTarget_AsksForWhatItsAccessTokenWasGranted()
    {
        var account = await SignInAsync("api://x/read openid");
        var legacy = JsonNode.Parse(Cache.Serialize())!;
        foreach (var entry in legacy["RefreshToken"]!.AsObject())
        {
            entry.Value!.AsObject().Remove("target");
        }

        Cache.Deserialize(legacy.ToJsonString());
        _time.Advance(TimeSpan.FromHours(1));

        var result = await Silent(account, Read);

        result.Source.Should().Be(TokenSource.IdentityProvider);
        SentScope.Should().Be("api://x/read openid");
    }

    [Test]
    public async Task RefreshToken_AppBringsOne_IsRedeemedWithoutAskingForOfflineAccess()
    {
        var result = await new RefreshTokenFlow(_exchange).AcquireAsync(new RefreshTokenRequest { Scopes = Read, RefreshToken = "rt-from-elsewhere" }, CancellationToken.None);

        result.Source.Should().Be(TokenSource.IdentityProvider);
        SentScope.Should().Be("api://x/read openid profile");
    }

    [Test]
    public async Task Serialize_RefreshTokenTarget_IsWrittenUnderTheUsualKey()
    {
        await SignInAsync("api://x/read openid profile offline_access");

        using var json = JsonDocument.Parse(Cache.Serialize());

        var refreshToken = json.RootElement.GetProperty("RefreshToken").EnumerateObject().Single();
        refreshToken.Name.Should().EndWith("-refreshtoken-client1--");
        refreshToken.Value.GetProperty("target").GetString().Should().Be("api://x/read openid profile offline_access");
    }

    private async Task<AccountInfo> SignInAsync(string grantedScope)
    {
        _server.Scripted.Enqueue((200, Answer(grantedScope)));
        var result = await new UsernamePasswordFlow(_exchange).AcquireAsync(
            new UsernamePasswordRequest { Scopes = Read, Username = "ada@contoso.com", Password = "pw" }, CancellationToken.None);
        return result.Account!;
    }

    private Task<AuthenticationResult> Silent(AccountInfo account, string[] scopes) =>
        _silent.AcquireAsync(new SilentFlowRequest { Scopes = scopes, Account = account }, CancellationToken.None);

    private string Answer(string scope) => _server.Success().Replace("\"scope\":\"api://x/read openid profile\"", $"\"scope\":\"{scope}\"", StringComparison.Ordinal);

    private List<string?> RefreshTokenTargets()
    {
        using var json = JsonDocument.Parse(Cache.Serialize());
        return [.. json.RootElement.GetProperty("RefreshToken").EnumerateObject().Select(p => p.Value.TryGetProperty("target", out var t) ? t.GetString() : null)];
    }
}
