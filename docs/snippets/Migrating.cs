// Snippets of docs/migrating-from-msal.md, Auth's side (MSAL.NET's side is MigratingMsal.cs). Both sides run against
// FakeAuthority; the tests check that Auth reads the cache MSAL.NET wrote, so users are not asked to sign in again.
#region Usings
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Server;
#endregion
using Auth.Common.Platform;
using Auth.Testing;
using AuthResult = Auth.Common.Responses.AuthenticationResult;

namespace Auth.Docs.Snippets;

public static class MigratingExamples
{
    /// <summary>Auth: the same daemon.</summary>
    public static async Task<string> DaemonAsync(string secret, INetworkClient network)
    {
        #region Daemon
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "orders-daemon",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromSecret(secret),
            NetworkClient = network, // docs:hide
        });
        var result = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://orders/.default"] });
        #endregion
        return result.AccessToken;
    }

    /// <summary>Auth: the same tool, reading the file MSAL.NET wrote.</summary>
    public static async Task<AuthResult> CliAsync(string cacheFile, INetworkClient network, FakeAuthority fake)
    {
        #region Cli
        string[] scopes = ["api://orders/read"];
        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = "orders-cli",
            Authority = "https://login.microsoftonline.com/organizations",
            NetworkClient = network, // docs:hide
        });
        var cache = app.GetTokenCache();
        if (File.Exists(cacheFile))
        {
            cache.Deserialize(await File.ReadAllTextAsync(cacheFile)); // the JSON MSAL.NET wrote: same schema, same accounts
        }

        AuthResult? result = null;
        var accounts = await cache.GetAllAccountsAsync();
        if (accounts.Count > 0)
        {
            try
            {
                result = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = scopes, Account = accounts[0] });
            }
            catch (InteractionRequiredException)
            {
                // the session expired, or MFA or consent is needed: sign in again below
            }
        }

        result ??= await app.AcquireTokenByDeviceCodeAsync(new DeviceCodeRequest
        {
            Scopes = scopes,
            DeviceCodeCallback = (code, ct) =>
            {
                fake.ApproveDeviceCode(code.UserCode); // docs:hide
                Console.WriteLine(code.Message);
                return Task.CompletedTask;
            },
        });
        await File.WriteAllTextAsync(cacheFile, cache.Serialize()); // MSAL.NET can still read it
        #endregion
        return result;
    }

    /// <summary>Auth: the request options MSAL.NET sets with With… calls.</summary>
    public static async Task<AuthResult> RequestOptionsAsync(ConfidentialClientApplication app, string claimsChallenge)
    {
        #region RequestOptions
        // MSAL.NET: app.AcquireTokenForClient(scopes).WithTenantId("fabrikam.onmicrosoft.com").WithClaims(claims)
        //              .WithExtraQueryParameters(new Dictionary<string, string> { ["dc"] = "ESTS-PUB-WUS2-AZ1-FD000-TEST1" }).ExecuteAsync()
        var result = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest
        {
            Scopes = ["api://orders/.default"],
            Authority = "https://login.microsoftonline.com/fabrikam.onmicrosoft.com", // WithTenantId / WithAuthority on the request
            Claims = claimsChallenge,                                                // WithClaims: also skips the cache
            ExtraQueryParameters = new Dictionary<string, string> { ["dc"] = "ESTS-PUB-WUS2-AZ1-FD000-TEST1" }, // WithExtraQueryParameters
        });
        #endregion
        return result;
    }
}
