// Snippets of docs/migrating-from-msal.md, MSAL.NET's side (Microsoft.Identity.Client, referenced by tests/Auth.DocsTests
// only): the "before" of each pair, run against FakeAuthority like Auth's side in Migrating.cs.
#region Usings
using Microsoft.Identity.Client;
#endregion
using Auth.Testing;

namespace Auth.Docs.Snippets;

public static class MigratingMsalExamples
{
    /// <summary>MSAL.NET: a daemon's app token.</summary>
    public static async Task<string> MsalDaemonAsync(string secret, IMsalHttpClientFactory httpClientFactory)
    {
        #region MsalDaemon
        var app = ConfidentialClientApplicationBuilder.Create("orders-daemon")
            .WithClientSecret(secret)
            .WithAuthority("https://login.microsoftonline.com/contoso.onmicrosoft.com")
            .WithHttpClientFactory(httpClientFactory) // docs:hide
            .Build();
        var result = await app.AcquireTokenForClient(["api://orders/.default"]).ExecuteAsync();
        #endregion
        return result.AccessToken;
    }

    /// <summary>MSAL.NET: a command-line tool that keeps its users in a cache file; silent first, device code when needed.</summary>
    public static async Task<AuthenticationResult> MsalCliAsync(string cacheFile, IMsalHttpClientFactory httpClientFactory, FakeAuthority fake)
    {
        #region MsalCli
        string[] scopes = ["api://orders/read"];
        var app = PublicClientApplicationBuilder.Create("orders-cli")
            .WithAuthority("https://login.microsoftonline.com/organizations")
            .WithHttpClientFactory(httpClientFactory) // docs:hide
            .Build();
        app.UserTokenCache.SetBeforeAccess(args => args.TokenCache.DeserializeMsalV3(File.Exists(cacheFile) ? File.ReadAllBytes(cacheFile) : null));
        app.UserTokenCache.SetAfterAccess(args =>
        {
            if (args.HasStateChanged)
            {
                File.WriteAllBytes(cacheFile, args.TokenCache.SerializeMsalV3());
            }
        });

        AuthenticationResult result;
        try
        {
            var accounts = await app.GetAccountsAsync();
            result = await app.AcquireTokenSilent(scopes, accounts.FirstOrDefault()).ExecuteAsync();
        }
        catch (MsalUiRequiredException)
        {
            result = await app.AcquireTokenWithDeviceCode(scopes, code =>
            {
                fake.ApproveDeviceCode(code.UserCode); // docs:hide
                Console.WriteLine(code.Message);
                return Task.CompletedTask;
            }).ExecuteAsync();
        }
        #endregion
        return result;
    }

}
