using Auth.Common.Authority;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.PublicClient;

/// <summary>Entra ID refresh tokens are multi-resource: a refresh keeps asking for the app's scopes and openid profile offline_access.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class EntraRefreshScopeTests : PublicClientFixture
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());

    protected override FakeAuthorityOptions AuthorityOptions => new() { TimeProvider = _time };

    [Test]
    public async Task Silent_EntraAuthority_RefreshAsksForTheAppsScopesAndOfflineAccess()
    {
        var app = App(ProtocolMode.AzureAD, _time);
        var signIn = await app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest { Scopes = Scopes, Username = Authority.DefaultUser.Username, Password = Authority.DefaultUser.Password });
        _time.Advance(TimeSpan.FromMinutes(58));

        var refreshed = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = signIn.Account! });

        refreshed.Source.Should().Be(TokenSource.IdentityProvider);
        LastRefreshScope().Should().Be("api://orders/read openid profile offline_access");
    }

    [Test]
    public async Task Silent_EntraAuthorityNewResource_IsAskedOfTheMultiResourceRefreshToken()
    {
        var app = App(ProtocolMode.AzureAD, _time);
        var signIn = await app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest { Scopes = Scopes, Username = Authority.DefaultUser.Username, Password = Authority.DefaultUser.Password });

        var graph = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = ["User.Read"], Account = signIn.Account! });

        graph.Source.Should().Be(TokenSource.IdentityProvider);
        graph.Scopes.Should().Contain("User.Read");
        LastRefreshScope().Should().Be("User.Read openid profile offline_access");
    }

    private string LastRefreshScope() => Authority.TokenRequests.Last(r => r.GrantType == "refresh_token").Form["scope"];
}
