// Snippets of docs/getting-started.md and README.md. Lines marked "docs:hide" wire the test's fake authority
// and are left out of the pages.
#region Usings
using Auth.Common.Requests;
using Auth.Server;
#endregion
using Auth.Common.Platform;

namespace Auth.Docs.Snippets;

public static class GettingStarted
{
    /// <summary>The README's ten lines: a daemon's app-only token for Microsoft Graph.</summary>
    public static async Task<string> TenLinesAsync(string secret, HttpClient httpClient, INetworkClient network)
    {
        #region TenLines
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "00000000-0000-0000-0000-000000000001",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com", // or any OIDC issuer with ProtocolMode = Oidc
            ClientCredential = ClientCredential.FromSecret(secret),                // or FromCertificate(cert), FromAssertion(...)
            NetworkClient = network, // docs:hide
        });
        var result = await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["https://graph.microsoft.com/.default"] });
        httpClient.DefaultRequestHeaders.Authorization = new("Bearer", result.AccessToken); // later calls come from the cache
        #endregion
        return result.AccessToken;
    }
}
