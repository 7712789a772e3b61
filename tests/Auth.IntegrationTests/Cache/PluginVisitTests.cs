using System.Text.Json;
using System.Web;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Cache;

/// <summary>
/// How often each operation loads and saves through a cache plugin that really persists (issue 13). Every
/// row arranges its state, warms up the authority metadata, then measures one operation: the loads and saves
/// it caused must be within the row's target. Each row runs twice: on the app that arranged the state, and
/// on another instance of the app that shares only the plugin's store (a second server behind a
/// distributed cache), where a wrong partition key cannot be hidden by the first app's memory.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class PluginVisitTests : IDisposable
{
    private const string WebAppId = "web-app";
    private const string WebAppSecret = "web-secret";
    private const string DesktopId = "desktop-app";
    private static readonly string[] UserScopes = ["api://orders/read"];
    private static readonly ClientCredentialRequest AppTokens = new() { Scopes = ["api://orders/.default"] };
    private static readonly Uri Redirect = new("http://localhost:5000/signin-callback");

    /// <summary>Past an access token's usable life (1 h less the 5 min skew), not past the ID tokens the fake issues on its own clock.</summary>
    private static readonly TimeSpan PastAccessTokenLife = TimeSpan.FromMinutes(58);

    private readonly FakeAuthority _authority = FakeAuthority.Start();
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private readonly CountingPlugin _plugin = new();
    private TimeProvider _appTime;
    private bool _onAnotherInstance;
    private (int Loads, int Saves, string Calls)? _measured;

    public PluginVisitTests()
    {
        _appTime = _clock;
        _authority.RegisterClient(WebAppId, WebAppSecret);
        _authority.RegisterPublicClient(DesktopId);
        _authority.DeviceCodePollInterval = TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _authority.Dispose();

    [TestCaseSource(nameof(Table))]
    public async Task Operation_LoadsAndSavesWithinItsTarget(Func<PluginVisitTests, Task> operation, bool onAnotherInstance, int maxLoads, int saves)
    {
        _onAnotherInstance = onAnotherInstance;

        await operation(this);

        var (loads, saved, calls) = _measured ?? throw new AssertionException("the row measured no operation");
        using (new FluentAssertions.Execution.AssertionScope())
        {
            loads.Should().BeInRange(1, maxLoads, "the operation must load its partition, and at most {0} time(s): {1}", maxLoads, calls);
            saved.Should().Be(saves, "the operation should save {0} time(s): {1}", saves, calls);
        }
    }

    private static IEnumerable<TestCaseData> Table()
    {
        (string Operation, int MaxLoads, int Saves, Func<PluginVisitTests, Task> Run)[] rows =
        [
            ("client credentials, miss (cold cache)", 2, 1, t => t.ClientCredentialsMissAsync()),
            ("client credentials, hit", 1, 0, t => t.ClientCredentialsHitAsync()),
            ("client credentials, SkipCache", 2, 1, t => t.ClientCredentialsSkipCacheAsync()),
            ("client credentials, expired", 2, 1, t => t.ClientCredentialsExpiredAsync()),
            ("silent, hit", 1, 0, t => t.SilentHitAsync()),
            ("silent, expired access token", 2, 1, t => t.SilentRefreshAsync(forceRefresh: false)),
            ("silent, ForceRefresh", 2, 1, t => t.SilentRefreshAsync(forceRefresh: true)),
            ("on-behalf-of, hit", 1, 0, t => t.OnBehalfOfHitAsync()),
            ("on-behalf-of, miss", 2, 1, t => t.OnBehalfOfMissAsync()),
            ("on-behalf-of, expired", 2, 1, t => t.OnBehalfOfExpiredAsync()),
            // A first sign-in also saves the local id's alias partition (PartitionRule.ForLocalAccountAlias).
            ("auth code redemption, new account", 2, 2, t => t.AuthCodeAsync()),
            ("auth code redemption, known account", 1, 1, t => t.AuthCodeKnownAccountAsync()),
            ("username/password, new account", 2, 2, t => t.UsernamePasswordAsync()),
            ("refresh-token redemption, new account", 2, 2, t => t.RefreshTokenAsync()),
            ("device code, new account", 2, 2, t => t.DeviceCodeAsync()),
            ("GetAccountByHomeIdAsync", 1, 0, t => t.GetAccountByHomeIdAsync()),
            ("GetAccountByLocalIdAsync (alias, then home partition)", 2, 0, t => t.GetAccountByLocalIdAsync()),
            ("RemoveAccountAsync (home and alias partitions)", 2, 2, t => t.RemoveAccountAsync()),
        ];
        foreach (var row in rows)
        {
            foreach (var onAnotherInstance in new[] { false, true })
            {
                yield return new TestCaseData(row.Run, onAnotherInstance, row.MaxLoads, row.Saves).SetArgDisplayNames(
                    row.Operation,
                    onAnotherInstance ? "another instance" : "same app",
                    row.MaxLoads == 1 ? "1 load" : $"<={row.MaxLoads} loads",
                    $"{row.Saves} save(s)");
            }
        }
    }

    private async Task ClientCredentialsMissAsync()
    {
        var daemon = await MeasuredAsync(await WebAppAsync());

        var result = await MeasureAsync(() => daemon.AcquireTokenByClientCredentialAsync(AppTokens));

        result.Source.Should().Be(TokenSource.IdentityProvider);
    }

    private async Task ClientCredentialsHitAsync()
    {
        var app = await WebAppAsync();
        await app.AcquireTokenByClientCredentialAsync(AppTokens);
        var daemon = await MeasuredAsync(app);

        var result = await MeasureAsync(() => daemon.AcquireTokenByClientCredentialAsync(AppTokens));

        result.Source.Should().Be(TokenSource.Cache);
    }

    private async Task ClientCredentialsSkipCacheAsync()
    {
        var app = await WebAppAsync();
        await app.AcquireTokenByClientCredentialAsync(AppTokens);
        var daemon = await MeasuredAsync(app);

        var result = await MeasureAsync(() => daemon.AcquireTokenByClientCredentialAsync(AppTokens with { SkipCache = true }));

        result.Source.Should().Be(TokenSource.IdentityProvider);
    }

    private async Task ClientCredentialsExpiredAsync()
    {
        var app = await WebAppAsync();
        await app.AcquireTokenByClientCredentialAsync(AppTokens);
        var daemon = await MeasuredAsync(app);
        _clock.Advance(PastAccessTokenLife);

        var result = await MeasureAsync(() => daemon.AcquireTokenByClientCredentialAsync(AppTokens));

        result.Source.Should().Be(TokenSource.IdentityProvider);
    }

    private async Task SilentHitAsync()
    {
        var app = await WebAppAsync();
        var account = (await SignInAsync(app)).Account!;
        var web = await MeasuredAsync(app);

        var result = await MeasureAsync(() => web.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = UserScopes, Account = account }));

        result.Source.Should().Be(TokenSource.Cache);
    }

    private async Task SilentRefreshAsync(bool forceRefresh)
    {
        var app = await WebAppAsync();
        var account = (await SignInAsync(app)).Account!;
        var web = await MeasuredAsync(app);
        if (!forceRefresh)
        {
            _clock.Advance(PastAccessTokenLife);
        }

        var result = await MeasureAsync(() => web.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = UserScopes, Account = account, ForceRefresh = forceRefresh }));

        result.Source.Should().Be(TokenSource.IdentityProvider);
        _authority.RequestCount("refresh_token").Should().Be(1);
    }

    private async Task OnBehalfOfHitAsync()
    {
        var app = await WebAppAsync();
        var request = OnBehalfOf();
        await app.AcquireTokenOnBehalfOfAsync(request);
        var api = await MeasuredAsync(app);

        var result = await MeasureAsync(() => api.AcquireTokenOnBehalfOfAsync(request));

        result.Source.Should().Be(TokenSource.Cache);
    }

    private async Task OnBehalfOfMissAsync()
    {
        var api = await MeasuredAsync(await WebAppAsync());
        var request = OnBehalfOf();

        var result = await MeasureAsync(() => api.AcquireTokenOnBehalfOfAsync(request));

        result.Source.Should().Be(TokenSource.IdentityProvider);
    }

    private async Task OnBehalfOfExpiredAsync()
    {
        var app = await WebAppAsync();
        var request = OnBehalfOf();
        await app.AcquireTokenOnBehalfOfAsync(request);
        var api = await MeasuredAsync(app);
        _clock.Advance(PastAccessTokenLife);

        var result = await MeasureAsync(() => api.AcquireTokenOnBehalfOfAsync(request));

        result.Source.Should().Be(TokenSource.IdentityProvider);
        _authority.RequestCount("refresh_token").Should().Be(1, "the cached OBO refresh token renews it");
    }

    private async Task AuthCodeAsync()
    {
        var app = await WebAppAsync();
        var code = await AuthorizeAsync(app);
        var web = await MeasuredAsync(app);

        var result = await MeasureAsync(() => web.AcquireTokenByCodeAsync(code));

        result.Account!.Username.Should().Be(_authority.DefaultUser.Username);
    }

    private async Task AuthCodeKnownAccountAsync()
    {
        var app = await WebAppAsync();
        await SignInAsync(app);
        var code = await AuthorizeAsync(app);
        var web = await MeasuredAsync(app);

        var result = await MeasureAsync(() => web.AcquireTokenByCodeAsync(code));

        result.Account!.Username.Should().Be(_authority.DefaultUser.Username);
    }

    private async Task UsernamePasswordAsync()
    {
        var desktop = await MeasuredAsync(await DesktopAsync());
        var user = _authority.DefaultUser;

        var result = await MeasureAsync(() => desktop.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest { Scopes = UserScopes, Username = user.Username, Password = user.Password }));

        result.Account!.Username.Should().Be(user.Username);
    }

    private async Task RefreshTokenAsync()
    {
        var legacy = await WebAppAsync(withPlugin: false);
        await SignInAsync(legacy);
        using var legacyCache = JsonDocument.Parse(legacy.GetTokenCache().Serialize());
        var refreshToken = legacyCache.RootElement.GetProperty("RefreshToken").EnumerateObject().Single().Value.GetProperty("secret").GetString()!;
        var web = await MeasuredAsync(await WebAppAsync());

        var result = await MeasureAsync(() => web.AcquireTokenByRefreshTokenAsync(new RefreshTokenRequest { Scopes = UserScopes, RefreshToken = refreshToken }));

        result.Account!.Username.Should().Be(_authority.DefaultUser.Username);
    }

    private async Task DeviceCodeAsync()
    {
        _appTime = TimeProvider.System; // the flow waits one polling interval on the app's clock
        var desktop = await MeasuredAsync(await DesktopAsync());
        var request = new DeviceCodeRequest
        {
            Scopes = UserScopes,
            DeviceCodeCallback = (info, _) =>
            {
                _authority.ApproveDeviceCode(info.UserCode);
                return Task.CompletedTask;
            },
        };

        var result = await MeasureAsync(() => desktop.AcquireTokenByDeviceCodeAsync(request));

        result.Account!.Username.Should().Be(_authority.DefaultUser.Username);
    }

    private async Task GetAccountByHomeIdAsync()
    {
        var app = await WebAppAsync();
        var account = (await SignInAsync(app)).Account!;
        var web = await MeasuredAsync(app);

        var found = await MeasureAsync(() => web.GetTokenCache().GetAccountByHomeIdAsync(account.HomeAccountId));

        found.Should().NotBeNull("the account was signed in and saved through the plugin");
        found!.Username.Should().Be(account.Username);
    }

    private async Task GetAccountByLocalIdAsync()
    {
        var app = await WebAppAsync();
        var account = (await SignInAsync(app)).Account!;
        var web = await MeasuredAsync(app);

        var found = await MeasureAsync(() => web.GetTokenCache().GetAccountByLocalIdAsync(account.LocalAccountId!));

        found.Should().NotBeNull("the account and its alias were saved through the plugin");
        found!.HomeAccountId.Should().Be(account.HomeAccountId);
    }

    private async Task RemoveAccountAsync()
    {
        var app = await WebAppAsync();
        var account = (await SignInAsync(app)).Account!;
        var web = await MeasuredAsync(app);

        await MeasureAsync(async () =>
        {
            await web.GetTokenCache().RemoveAccountAsync(account);
            return true;
        });

        var silent = () => app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = UserScopes, Account = account });
        await silent.Should().ThrowAsync<InteractionRequiredException>("the removal was saved, and the first app loads the partition again");
    }

    /// <summary>Runs the measured operation alone: counts from zero, and keeps them before the row checks the result.</summary>
    private async Task<T> MeasureAsync<T>(Func<Task<T>> operation)
    {
        var discoveries = _authority.DiscoveryRequestCount + _authority.InstanceDiscoveryRequestCount;
        _plugin.Reset();

        var result = await operation();

        _measured = (_plugin.Loads, _plugin.Saves, _plugin.Describe());
        await TestContext.Out.WriteLineAsync($"measured: {_measured.Value.Calls}");
        (_authority.DiscoveryRequestCount + _authority.InstanceDiscoveryRequestCount).Should().Be(discoveries, "the app was warmed up, so the measured operation does no discovery");
        return result;
    }

    /// <summary>The app the row measures: <paramref name="app"/> itself, or another instance sharing only the plugin's store.</summary>
    private async Task<T> MeasuredAsync<T>(T app)
        where T : ClientApplication
    {
        if (!_onAnotherInstance)
        {
            return app;
        }

        ClientApplication other = app is ConfidentialClientApplication ? await WebAppAsync() : await DesktopAsync();
        return (T)other;
    }

    /// <summary>A confidential web app/API (client credentials, OBO, auth code), its authority metadata already fetched.</summary>
    private async Task<ConfidentialClientApplication> WebAppAsync(bool withPlugin = true) =>
        await WarmAsync(new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = WebAppId,
            Authority = _authority.Authority,
            ClientSecret = WebAppSecret,
            CachePlugin = withPlugin ? _plugin : null,
            TimeProvider = _appTime,
            NetworkClient = Network(),
        }));

    /// <summary>A public desktop app (username/password, device code), its authority metadata already fetched.</summary>
    private async Task<PublicClientApplication> DesktopAsync() =>
        await WarmAsync(new PublicClientApplication(new PublicClientOptions
        {
            ClientId = DesktopId,
            Authority = _authority.Authority,
            CachePlugin = _plugin,
            TimeProvider = _appTime,
            NetworkClient = Network(),
        }));

    private HttpClientNetworkClient Network() =>
        new(_authority.CreateHttpClient(), new HttpClientNetworkClientOptions());

    /// <summary>Fetches instance discovery and OIDC metadata without touching the cache, so no measured call does discovery.</summary>
    private static async Task<T> WarmAsync<T>(T app)
        where T : ClientApplication
    {
        await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = UserScopes, RedirectUri = Redirect, CodeChallenge = PkceCodes.Create().Challenge });
        return app;
    }

    private OnBehalfOfRequest OnBehalfOf() => new()
    {
        Scopes = ["api://downstream/read"],
        OboAssertion = _authority.IssueUserAccessToken(_authority.DefaultUser, WebAppId, [$"api://{WebAppId}/access_as_user"]),
    };

    /// <summary>Plays the browser: the authorization URL, the fake's sign-in, and the code it redirects with.</summary>
    private async Task<AuthorizationCodeRequest> AuthorizeAsync(ClientApplication app)
    {
        var url = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = UserScopes, RedirectUri = Redirect });
        using var browser = _authority.CreateHttpClient();
        using var response = await browser.GetAsync(url);
        var redirect = HttpUtility.ParseQueryString(response.Headers.Location?.Query ?? throw new AssertionException($"authorize answered {(int)response.StatusCode} without a redirect"));
        return new AuthorizationCodeRequest
        {
            Scopes = UserScopes,
            RedirectUri = Redirect,
            Code = redirect["code"]!,
            CodeVerifier = url.CodeVerifier,
            State = url.State,
            ReturnedState = redirect["state"],
            Nonce = url.Nonce,
        };
    }

    private async Task<AuthenticationResult> SignInAsync(ClientApplication app) => await app.AcquireTokenByCodeAsync(await AuthorizeAsync(app));
}
