using System.Web;
using Auth.Common.Requests;
using Auth.IntegrationTests.Testing;
using Auth.Server;
using Auth.Testing;

namespace Auth.IntegrationTests.Logging;

/// <summary>The user flows of the secrets matrix on a public client, each with a success and a failure path.</summary>
internal static class PublicSecretScenarios
{
    private const string WrongPassword = "Wr0ng-Passw0rd-never-logged";

    public static Task AuthCodeAsync(SecretsWorld world, bool fail) =>
        ConfidentialSecretScenarios.AuthCodeWithPkceAsync(world, world.PublicApp(), fail);

    public static async Task InteractiveAsync(SecretsWorld world, bool fail)
    {
        var app = world.PublicApp();
        if (fail)
        {
            world.Authority.EnqueueTokenResponse(FakeTokenResponse.InvalidGrant());
        }

        var request = new InteractiveRequest
        {
            Scopes = SecretsWorld.UserScopes,
            OpenBrowser = async (url, ct) =>
            {
                var redirect = await world.AuthorizeAsync(url);
                using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
                world.Show("loopback page", await browser.GetStringAsync(redirect, ct));
            },
        };

        await world.OutcomeAsync(request, fail, () => app.AcquireTokenInteractiveAsync(request));
    }

    public static async Task DeviceCodeAsync(SecretsWorld world, bool fail)
    {
        var app = world.PublicApp(realClock: true);
        var request = new DeviceCodeRequest
        {
            Scopes = SecretsWorld.UserScopes,
            DeviceCodeCallback = (info, _) =>
            {
                world.Show("DeviceCodeInfo", info);
                if (fail)
                {
                    world.Authority.DenyDeviceCode(info.UserCode);
                }
                else
                {
                    world.Authority.ApproveDeviceCode(info.UserCode);
                }

                return Task.CompletedTask;
            },
        };

        await world.OutcomeAsync(request, fail, () => app.AcquireTokenByDeviceCodeAsync(request));
    }

    public static async Task RefreshTokenAsync(SecretsWorld world, bool fail)
    {
        var legacy = world.PublicApp();
        await SignInAsync(world, legacy, world.Authority.DefaultUser.Password);
        var refreshToken = CacheBlob.Parse(legacy.GetTokenCache().Serialize()).RefreshTokens.Single().Secret;
        if (fail)
        {
            world.Authority.RevokeRefreshTokens();
        }

        var app = world.PublicApp();
        var request = new RefreshTokenRequest { Scopes = SecretsWorld.UserScopes, RefreshToken = refreshToken, ReturnRefreshToken = true };
        await world.OutcomeAsync(request, fail, () => app.AcquireTokenByRefreshTokenAsync(request));
    }

    public static async Task SilentAsync(SecretsWorld world, bool fail)
    {
        var app = world.PublicApp();
        var account = (await SignInAsync(world, app, world.Authority.DefaultUser.Password)).Account!;
        var cached = new SilentFlowRequest { Scopes = SecretsWorld.UserScopes, Account = account };
        await world.SucceedAsync(cached, () => app.AcquireTokenSilentAsync(cached));
        world.Clock.Advance(TimeSpan.FromHours(2));
        if (fail)
        {
            world.Authority.RevokeRefreshTokens();
        }

        var refresh = new SilentFlowRequest { Scopes = SecretsWorld.UserScopes, Account = account, ForceRefresh = fail };
        await world.OutcomeAsync(refresh, fail, () => app.AcquireTokenSilentAsync(refresh));
    }

    public static async Task UsernamePasswordAsync(SecretsWorld world, bool fail)
    {
        var app = world.PublicApp();
        world.Known(SecretKind.Password, WrongPassword);
        if (fail)
        {
            var request = new UsernamePasswordRequest { Scopes = SecretsWorld.UserScopes, Username = world.Authority.DefaultUser.Username, Password = WrongPassword };
            await world.FailAsync(request, () => app.AcquireTokenByUsernamePasswordAsync(request));
            return;
        }

        await SignInAsync(world, app, world.Authority.DefaultUser.Password);
    }

    private static Task<Common.Responses.AuthenticationResult> SignInAsync(SecretsWorld world, PublicClientApplication app, string password)
    {
        world.Known(SecretKind.Password, password);
        var request = new UsernamePasswordRequest { Scopes = SecretsWorld.UserScopes, Username = world.Authority.DefaultUser.Username, Password = password };
        return world.SucceedAsync(request, () => app.AcquireTokenByUsernamePasswordAsync(request));
    }
}
