// Snippets of docs/public-client.md. Lines marked "docs:hide" wire the test's fake authority
// (its network client and a browser the test plays) and are left out of the page.
#region Usings
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Extensions.Persistence;
using Auth.Server;
using Auth.Server.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
#endregion
using Auth.Common.Platform;

namespace Auth.Docs.Snippets;

public static class PublicClient
{
    /// <summary>One application per client id, kept for the life of the process.</summary>
    public static PublicClientApplication Create(INetworkClient network, IBrowserLauncher browser)
    {
        #region Create
        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = "00000000-0000-0000-0000-00000000000a",                 // the app registration's client id
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com", // or .../organizations, .../common
            NetworkClient = network, // docs:hide
            BrowserLauncher = browser, // docs:hide
        });
        #endregion
        return app;
    }

    /// <summary>Interactive sign-in: the system browser and a loopback redirect.</summary>
    public static async Task<AuthenticationResult> InteractiveAsync(PublicClientApplication app)
    {
        #region Interactive
        var result = await app.AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = ["User.Read"],
            Prompt = "select_account",                   // optional: login, consent, select_account, create
            Timeout = TimeSpan.FromMinutes(3),           // how long to wait for the user (default 5 minutes)
        });
        Console.WriteLine($"Signed in as {result.Account!.Username}");
        #endregion
        return result;
    }

    /// <summary>Interactive sign-in with the app opening the URL itself.</summary>
    public static async Task<AuthenticationResult> OwnBrowserAsync(PublicClientApplication app, Func<Uri, CancellationToken, Task> launchBrowser)
    {
        #region OwnBrowser
        var result = await app.AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = ["User.Read"],
            OpenBrowser = (url, cancellationToken) =>
            {
                Console.WriteLine($"Open this page to sign in: {url}");
                return launchBrowser(url, cancellationToken); // e.g. an embedded web view, or a message to the user
            },
            SuccessHtml = "<html><body>Signed in to Contoso Tool. You can close this tab.</body></html>",
        });
        #endregion
        return result;
    }

    /// <summary>Device code: the user signs in on another device.</summary>
    public static async Task<AuthenticationResult> DeviceCodeAsync(PublicClientApplication app)
    {
        #region DeviceCode
        var result = await app.AcquireTokenByDeviceCodeAsync(new DeviceCodeRequest
        {
            Scopes = ["User.Read"],
            DeviceCodeCallback = (code, cancellationToken) =>
            {
                // "To sign in, use a web browser to open the page ... and enter the code ..."
                Console.WriteLine(code.Message);
                return Task.CompletedTask;
            },
        });
        #endregion
        return result;
    }

    /// <summary>Silent first, then interactive when the user is needed.</summary>
    public static async Task<AuthenticationResult> SilentThenInteractiveAsync(PublicClientApplication app)
    {
        #region Silent
        string[] scopes = ["User.Read"];
        var accounts = await app.GetTokenCache().GetAllAccountsAsync();
        AuthenticationResult? result = null;
        if (accounts.Count > 0)
        {
            try
            {
                // From the cache while the access token is fresh, else with the cached refresh token.
                result = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = scopes, Account = accounts[0] });
            }
            catch (InteractionRequiredException ex)
            {
                // An expired or revoked refresh token, new consent or MFA: the user is needed.
                Console.WriteLine($"Signing in again: {ex.Code}");
            }
        }

        result ??= await app.AcquireTokenInteractiveAsync(new InteractiveRequest { Scopes = scopes });
        #endregion
        return result;
    }

    /// <summary>Username and password: discouraged.</summary>
    public static async Task<AuthenticationResult> UsernamePasswordAsync(PublicClientApplication app, string username, string password)
    {
        #region UsernamePassword
        // Discouraged: no MFA, no Conditional Access prompts, no federated or personal accounts.
        var result = await app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
        {
            Scopes = ["User.Read"],
            Username = username,
            Password = password,
        });
        #endregion
        return result;
    }

    /// <summary>A token cache that outlives the process, encrypted with a key from the OS key store.</summary>
    public static async Task<PublicClientApplication> PersistedCacheAsync(string cacheFile, IKeyStore testKeys, INetworkClient network)
    {
        #region PersistedCache
        // The cache file is AES-256-GCM encrypted; its key lives in libsecret (Linux), DPAPI (Windows) or the Keychain (macOS).
        var builder = new PersistenceBuilder(cacheFile).WithPlatformKeyStore("com.contoso.tool");
        builder.WithKeyStore(testKeys); // docs:hide
        var check = await builder.VerifyAsync();
        if (!check.IsUsable)
        {
            // No usable key store (no D-Bus session, a locked keyring...): your call whether plaintext is acceptable.
            Console.Error.WriteLine($"Token cache key store unusable ({check.ErrorCode}): {check.Reason}");
            builder.UnsafeAllowUnencryptedFile();
        }

        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = "00000000-0000-0000-0000-00000000000a",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            CachePlugin = new PersistentTokenCachePlugin(builder.Build(), new PersistentTokenCacheOptions { LockFilePath = builder.LockFilePath }),
            NetworkClient = network, // docs:hide
        });
        #endregion
        return app;
    }

    /// <summary>Registration in a service collection, options bound from configuration.</summary>
    public static (ServiceProvider Provider, PublicClientApplication App) DependencyInjection(IConfiguration configuration, INetworkClient network)
    {
        #region DependencyInjection
        // appsettings.json: { "Auth": { "ClientId": "...", "Authority": "https://login.microsoftonline.com/contoso.onmicrosoft.com" } }
        var services = new ServiceCollection();
        services.AddPublicClient(configuration.GetSection("Auth")); // validated when the container starts
        services.PostConfigure<PublicClientOptions>(options => options.NetworkClient = network); // docs:hide
        var provider = services.BuildServiceProvider();
        var app = provider.GetRequiredService<PublicClientApplication>(); // a singleton: inject it where tokens are needed
        #endregion
        return (provider, app);
    }
}
