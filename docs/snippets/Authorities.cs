// Snippets of docs/authorities.md. Lines marked "docs:hide" wire the test's fake authority and are left out of the page.
#region Usings
using Auth.Common.Authority;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
#endregion
using Auth.Common.Platform;

namespace Auth.Docs.Snippets;

public static class Authorities
{
    private const string ClientId = "00000000-0000-0000-0000-000000000005";

    /// <summary>A multi-tenant daemon: one application, a token per customer tenant.</summary>
    public static async Task<AuthenticationResult> PerTenantAsync(string customerTenantId, string secret, INetworkClient network)
    {
        #region PerRequestTenant
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-000000000005",
            Authority = "https://login.microsoftonline.com/organizations", // the tenant id, a domain, or organizations / common / consumers
            ClientCredential = ClientCredential.FromSecret(secret),
            NetworkClient = network, // docs:hide
        });

        // Each customer tenant's token is requested from, and cached under, that tenant.
        var result = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest
        {
            Scopes = ["https://graph.microsoft.com/.default"],
            Authority = $"https://login.microsoftonline.com/{customerTenantId}",
        });
        #endregion
        return result;
    }

    public static async Task<AuthenticationResult> UsGovernmentAsync(string secret, INetworkClient network)
    {
        #region NationalCloud
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-000000000005",
            Authority = "https://login.microsoftonline.us/contoso.onmicrosoft.us", // Azure Government; China: login.partner.microsoftonline.cn
            ClientCredential = ClientCredential.FromSecret(secret),
            NetworkClient = network, // docs:hide
        });
        var result = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["https://graph.microsoft.us/.default"] });
        #endregion
        return result;
    }

    public static async Task<AuthenticationResult> RegionalAsync(string secret, INetworkClient network)
    {
        #region Regional
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-000000000005",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromSecret(secret),
            NetworkClient = network, // docs:hide
        });
        var result = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest
        {
            Scopes = ["https://graph.microsoft.com/.default"],
            AzureRegion = "westus", // or "TryAutoDetect" (REGION_NAME); a failing region falls back to the global endpoint
        });
        #endregion
        return result;
    }

    public static PublicClientApplication B2CApp(INetworkClient network)
    {
        #region B2C
        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = "00000000-0000-0000-0000-000000000006",
            Authority = "https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_signupsignin", // tenant, then policy (user flow)
            NetworkClient = network, // docs:hide
        });
        #endregion
        return app;
    }

    public static async Task<AuthenticationResult> B2CSilentAsync(PublicClientApplication app, string[] scopes)
    {
        #region B2CPolicies
        // B2C keeps one account per policy (AccountInfo.B2CPolicy); pick the one of the policy you ask at.
        var accounts = await app.GetTokenCache().GetAccountsByPolicyAsync("B2C_1_signupsignin");
        var result = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = scopes, Account = accounts[0] });
        #endregion
        return result;
    }

    public static ConfidentialClientApplication Adfs(string secret, INetworkClient network)
    {
        #region Adfs
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-000000000005",
            Authority = "https://adfs.contoso.com/adfs",
            ClientCredential = ClientCredential.FromSecret(secret),
            NetworkClient = network, // docs:hide
        });
        #endregion
        return app;
    }

    public static ConfidentialClientApplication Ciam(string secret, INetworkClient network)
    {
        #region Ciam
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-000000000005",
            Authority = "https://contoso.ciamlogin.com/", // the tenant comes from the host: contoso.onmicrosoft.com
            ClientCredential = ClientCredential.FromSecret(secret),
            NetworkClient = network, // docs:hide
        });
        #endregion
        return app;
    }

    public static ConfidentialClientApplication OpenIdProvider(string fakeIssuer, string secret, INetworkClient network)
    {
        #region Oidc
        var issuer = "https://accounts.contoso.com/realms/contoso"; // exactly as the provider's discovery document names it
        issuer = fakeIssuer; // docs:hide
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-000000000005",
            Authority = issuer,
            ProtocolMode = ProtocolMode.Oidc, // endpoints from {issuer}/.well-known/openid-configuration; nothing Microsoft-specific sent
            ClientCredential = ClientCredential.FromSecret(secret),
            NetworkClient = network, // docs:hide
        });
        #endregion
        return app;
    }

    public static ConfidentialClientApplication WithKnownAuthorities(string secret, INetworkClient network)
    {
        #region KnownAuthorities
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-000000000005",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            KnownAuthorities = ["adfs.contoso.com"], // requests may now name https://adfs.contoso.com/adfs; no other non-Entra host
            ClientCredential = ClientCredential.FromSecret(secret),
            NetworkClient = network, // docs:hide
        });
        #endregion
        return app;
    }
}
