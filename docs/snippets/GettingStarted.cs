// Snippets of docs/getting-started.md and README.md. Lines marked "docs:hide" wire the test's fake authority
// and are left out of the pages.
#region Usings
using Auth.Common.Requests;
using Auth.Server;
#endregion
#region FakeUsings
using Auth.Server.Network;
using Auth.Testing;
#endregion
using Auth.Common.Platform;
using Auth.Common.Responses;

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

    /// <summary>No tenant yet: the same daemon against Auth.Testing's FakeAuthority on loopback.</summary>
    public static async Task<(AuthenticationResult First, AuthenticationResult Second, int TokenRequests)> NoTenantAsync()
    {
        #region NoTenant
        await using var fake = FakeAuthority.Start();                  // https on a free loopback port, a fresh tenant
        fake.RegisterClient("my-daemon", "my-secret");
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "my-daemon",
            Authority = fake.Authority,                                 // https://localhost:{port}/{tenant id}
            ClientCredential = ClientCredential.FromSecret("my-secret"),
            NetworkClient = new HttpClientNetworkClient(fake.CreateHttpClient()), // trusts the fake's certificate only
        });
        var request = new ClientCredentialRequest { Scopes = ["api://my-api/.default"] };
        var first = await app.AcquireTokenByClientCredentialAsync(request);  // Source: IdentityProvider
        var second = await app.AcquireTokenByClientCredentialAsync(request); // Source: Cache
        Console.WriteLine($"{fake.RequestCount("client_credentials")} token request"); // 1
        #endregion
        return (first, second, fake.RequestCount("client_credentials"));
    }
}
