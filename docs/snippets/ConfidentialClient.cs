// Snippets of docs/confidential-client.md. Lines marked "docs:hide" wire the test's fake authority
// (its network client, a fake managed identity host) and are left out of the page.
#region Usings
using System.Security.Cryptography.X509Certificates;
using Auth.Common.ManagedIdentity;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Extensions.DependencyInjection;
using Auth.Server;
using Auth.Server.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
#endregion
using Auth.Common.Platform;

namespace Auth.Docs.Snippets;

public static class ConfidentialClient
{
    private const string Tenant = "https://login.microsoftonline.com/contoso.onmicrosoft.com";

    /// <summary>A client secret: simplest, for development and where certificates are impractical.</summary>
    public static ConfidentialClientApplication WithSecret(string secret, INetworkClient network)
    {
        #region Secret
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-00000000000b",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromSecret(secret), // from a secret store, never from source control
            NetworkClient = network, // docs:hide
        });
        #endregion
        return app;
    }

    /// <summary>A certificate: a signed client assertion (private_key_jwt) instead of a shared secret.</summary>
    public static ConfidentialClientApplication WithCertificate(X509Certificate2 certificate, INetworkClient network)
    {
        #region Certificate
        // The certificate with its private key, e.g. X509CertificateLoader.LoadPkcs12FromFile(path, password) or from a key vault.
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-00000000000b",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromCertificate(certificate, sendX5c: true), // x5c: for subject name/issuer authentication
            NetworkClient = network, // docs:hide
        });
        #endregion
        return app;
    }

    /// <summary>A signed assertion from elsewhere: here the federated token file of Kubernetes workload identity.</summary>
    public static ConfidentialClientApplication WithAssertionCallback(string tokenFile, INetworkClient network)
    {
        #region Assertion
        // AKS workload identity mounts a federated token at AZURE_FEDERATED_TOKEN_FILE and rotates it.
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-00000000000b",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromAssertion(async (context, cancellationToken) =>
                // Called for each token request; context has ClientId, TokenEndpoint, TenantId and Claims.
                (await File.ReadAllTextAsync(tokenFile, cancellationToken)).Trim()),
            NetworkClient = network, // docs:hide
        });
        #endregion
        return app;
    }

    /// <summary>A managed identity as the app registration's federated credential: no secret anywhere.</summary>
    public static ConfidentialClientApplication WithManagedIdentity(IManagedIdentityPlatform host, INetworkClient network)
    {
        #region ManagedIdentity
        // On an Azure host: the managed identity is a federated identity credential of the app registration.
        var managedIdentity = new ManagedIdentityApplication(new ManagedIdentityOptions
        {
            Identity = ManagedIdentityId.SystemAssigned, // or ManagedIdentityId.FromUserAssignedClientId("...")
            Platform = host, // docs:hide
        });
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-00000000000b",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromManagedIdentity(managedIdentity), // audience api://AzureADTokenExchange
            NetworkClient = network, // docs:hide
        });
        #endregion
        return app;
    }

    /// <summary>A daemon: app-only tokens with the client credentials grant.</summary>
    public static async Task<AuthenticationResult> DaemonAsync(ConfidentialClientApplication app)
    {
        #region Daemon
        var result = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest
        {
            Scopes = ["https://graph.microsoft.com/.default"], // the resource's application permissions, granted by an admin
        });
        // Call it before every request: the cached token is returned until it is close to expiry.
        Console.WriteLine($"{result.Source}, expires {result.ExpiresOn:u}");
        #endregion
        return result;
    }

    /// <summary>A web app, step 1: send the user to the authority, keep what the redirect is checked against.</summary>
    public static async Task<AuthorizationUrl> SignInAsync(ConfidentialClientApplication app)
    {
        #region SignIn
        var signIn = await app.GetAuthCodeUrlAsync(new AuthorizationUrlRequest
        {
            Scopes = ["User.Read"],                                      // openid profile offline_access are added
            RedirectUri = new Uri("https://app.contoso.com/signin-oidc"), // registered as a Web redirect URI
        });
        // Keep signIn.State, signIn.Nonce and signIn.CodeVerifier server-side (or in a protected, short-lived cookie),
        // then redirect the browser to signIn.Url.
        #endregion
        return signIn;
    }

    /// <summary>A web app, step 2: the redirect comes back with the code; redeem it.</summary>
    public static async Task<AuthenticationResult> RedeemAsync(ConfidentialClientApplication app, AuthorizationUrl signIn, string code, string? state, string? iss)
    {
        #region Redeem
        // GET /signin-oidc?code=...&state=...&iss=...   (signIn: what SignIn kept for this browser)
        var result = await app.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
        {
            Scopes = ["User.Read"],
            RedirectUri = new Uri("https://app.contoso.com/signin-oidc"),
            Code = code,
            State = signIn.State,
            ReturnedState = state,  // must match: CSRF protection
            Nonce = signIn.Nonce,                         // the ID token must carry it
            CodeVerifier = signIn.CodeVerifier,           // PKCE: binds the code to this sign-in
            ReturnedIssuer = iss,                         // RFC 9207, checked when the authority advertises it
        });
        // The tokens are cached under result.Account; later: AcquireTokenSilentAsync with that account.
        #endregion
        return result;
    }

    /// <summary>A web API calls a downstream API as the user who called it.</summary>
    public static async Task<AuthenticationResult> OnBehalfOfAsync(ConfidentialClientApplication app, string incomingToken)
    {
        #region OnBehalfOf
        // incomingToken: the validated bearer token of the request this web API is serving.
        var result = await app.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest
        {
            Scopes = ["https://graph.microsoft.com/User.Read"],
            OboAssertion = incomingToken,
        });
        // Cached per incoming token: the same token is a cache hit, another user's never sees it.
        #endregion
        return result;
    }

    /// <summary>Registration in a service collection, options bound from configuration, tokens in a distributed cache.</summary>
    public static (ServiceProvider Provider, ConfidentialClientApplication App) DependencyInjection(IConfiguration configuration, INetworkClient network)
    {
        #region DependencyInjection
        // appsettings.json: "Auth": { "ClientId": "...", "Authority": "https://login.microsoftonline.com/contoso.onmicrosoft.com" }
        // and Auth:ClientSecret from a secret store (user secrets, environment, Key Vault), never from the checked-in file.
        var services = new ServiceCollection();
        services.AddDistributedMemoryCache();   // one instance; a web farm: services.AddStackExchangeRedisCache(...)
        services.AddDistributedTokenCache(options => options.EncryptionKey = Convert.FromBase64String(configuration["TokenCache:Key"]!));
        services.AddConfidentialClient(configuration.GetSection("Auth")); // validated when the container starts
        services.PostConfigure<ConfidentialClientOptions>(options => options.NetworkClient = network); // docs:hide
        var provider = services.BuildServiceProvider();
        var app = provider.GetRequiredService<ConfidentialClientApplication>(); // a singleton: inject it where tokens are needed
        #endregion
        return (provider, app);
    }
}
