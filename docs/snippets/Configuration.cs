// Snippets of docs/configuration.md. Lines marked "docs:hide" wire the test's fake authority
// and are left out of the page.
#region Usings
using System.Text;
using Auth.Common.Errors;
using Auth.Extensions.DependencyInjection;
using Auth.Extensions.Distributed;
using Auth.Server;
using Auth.Server.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
#endregion
using Auth.Common.Platform;

namespace Auth.Docs.Snippets;

public static class Configuration
{
    /// <summary>Options bound from appsettings.json, the secret from a secret store.</summary>
    public static ServiceProvider Bind(string secret, INetworkClient network)
    {
        #region AppSettings
        // appsettings.json
        const string appsettings = """
        {
          "Auth": {
            "ClientId": "00000000-0000-0000-0000-00000000000b",
            "Authority": "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            "ClientCapabilities": [ "cp1" ],
            "ClockSkew": "00:05:00",
            "MaxAccessTokens": 100000,
            "RetryDelay": "00:00:01",
            "CacheDialect": "MsalNet"
          },
          "ManagedIdentity": {
            "Identity": "ClientId:11111111-2222-3333-4444-555555555555"
          },
          "TokenCache": {
            "KeyPrefix": "contoso-web:",
            "SlidingExpiration": "2.00:00:00",
            "MemoryCacheDuration": "00:00:30"
          }
        }
        """;
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(appsettings))) // in an app: builder.Configuration
            .AddInMemoryCollection([new("Auth:ClientSecret", secret)])            // in an app: user secrets, Auth__ClientSecret, Key Vault
            .Build();

        var services = new ServiceCollection();
        services.AddConfidentialClient(configuration.GetSection("Auth"));
        services.AddManagedIdentity(configuration.GetSection("ManagedIdentity")); // "Identity" is parsed by ManagedIdentityId.Parse
        services.AddDistributedMemoryCache();
        services.AddDistributedTokenCache();
        services.Configure<DistributedTokenCacheOptions>(configuration.GetSection("TokenCache"));
        services.PostConfigure<ConfidentialClientOptions>(options => options.NetworkClient = network); // docs:hide
        #endregion
        return services.BuildServiceProvider();
    }

    /// <summary>Invalid options: every problem in one exception.</summary>
    public static AuthClientException? Invalid()
    {
        #region Invalid
        try
        {
            _ = new ConfidentialClientApplication(new ConfidentialClientOptions
            {
                ClientId = "",                                   // required
                Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
                ClockSkew = TimeSpan.FromHours(2),               // at most 1 hour
                ClientCapabilities = ["cp1", " "],               // no empty entries
            });                                                  // and no ClientCredential or ClientSecret
        }
        catch (AuthClientException ex) when (ex.Code == AuthErrorCodes.InvalidConfiguration)
        {
            // "The application options have 4 problems: (1) ClientId is required: ... (4) A client credential is required: ..."
            Console.Error.WriteLine(ex.Message);
            return ex;
        }
        #endregion
        return null;
    }
}
