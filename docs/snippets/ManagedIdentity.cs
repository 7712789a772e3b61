// Snippets of docs/managed-identity.md. Lines marked "docs:hide" point the app at a FakeManagedIdentityEndpoint
// (or a FakeAuthority) in the tests and are left out of the page.
#region Usings
using Auth.Common.ManagedIdentity;
using Auth.Common.Requests;
using Auth.Server;
#endregion
using Auth.Common.Platform;
using Auth.Common.Responses;
using Auth.Server.DependencyInjection;
using Auth.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Docs.Snippets;

public static class ManagedIdentityExamples
{
    /// <summary>The page's first lines: the host's system-assigned identity, a token for Azure Resource Manager.</summary>
    public static async Task<AuthenticationResult> SystemAssignedAsync(IManagedIdentityPlatform platform)
    {
        #region SystemAssigned
        var app = new ManagedIdentityApplication(new ManagedIdentityOptions
        {
            Identity = ManagedIdentityId.SystemAssigned, // or FromUserAssignedClientId / ResourceId / ObjectId, or ManagedIdentityId.Parse("ClientId:<guid>")
            Platform = platform, // docs:hide
        });
        var result = await app.AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = "https://management.azure.com" });
        #endregion
        return result;
    }

    /// <summary>A user-assigned managed identity as an app registration's federated credential.</summary>
    public static async Task<AuthenticationResult> FederatedAsync(string miClientId, string appClientId, IManagedIdentityPlatform platform, INetworkClient network)
    {
        #region Federated
        var managedIdentity = new ManagedIdentityApplication(new ManagedIdentityOptions
        {
            Identity = ManagedIdentityId.FromUserAssignedClientId(miClientId),
            Platform = platform, // docs:hide
        });
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = appClientId,
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromManagedIdentity(managedIdentity), // audience api://AzureADTokenExchange
            NetworkClient = network, // docs:hide
        });
        #endregion
        return await app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["https://graph.microsoft.com/.default"] });
    }

    /// <summary>Registration in a service collection from configuration.</summary>
    public static ManagedIdentityApplication DependencyInjection(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        #region DependencyInjection
        services.AddManagedIdentity(configuration.GetSection("ManagedIdentity"));
        // appsettings.json: { "ManagedIdentity": { "Identity": "ClientId:7d3a9c1e-…", "RetryDelay": "00:00:01" } }
        #endregion
        return services.BuildServiceProvider().GetRequiredService<ManagedIdentityApplication>();
    }

    /// <summary>Local testing: the fake plays App Service; the app reads the fake's variables instead of the process's.</summary>
    public static async Task<(AuthenticationResult Result, int TokensIssued)> LocalFakeAsync()
    {
        #region LocalFake
        using var fake = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AppService });
        var app = new ManagedIdentityApplication(new ManagedIdentityOptions
        {
            Platform = new ManagedIdentityPlatform(fake.EnvironmentVariables),
        });
        var result = await app.AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = "https://management.azure.com" });
        #endregion
        return (result, fake.TokensIssued);
    }

    /// <summary>Azure Arc against the local fake: the platform trusts the fake's key directory.</summary>
    public static async Task<(AuthenticationResult Result, int Requests)> AzureArcAsync()
    {
        using var fake = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AzureArc });
        var app = new ManagedIdentityApplication(new ManagedIdentityOptions
        {
            #region ArcPlatform
            Platform = new LocalArcKeyDirectory(new ManagedIdentityPlatform(fake.EnvironmentVariables), fake.AzureArcKeyDirectory!),
            #endregion
        });
        var result = await app.AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = "https://management.azure.com" });
        return (result, fake.Requests.Count);
    }
}

#region LocalArcKeyDirectory
sealed class LocalArcKeyDirectory(IManagedIdentityPlatform inner, string keyDirectory) : IManagedIdentityPlatform
{
    public string? AzureArcKeyDirectory { get; } = Path.TrimEndingDirectorySeparator(keyDirectory) + Path.DirectorySeparatorChar;
    public bool IsAzureArcAgentInstalled => inner.IsAzureArcAgentInstalled;
    public string? GetEnvironmentVariable(string name) => inner.GetEnvironmentVariable(name);
    public Task<byte[]> ReadAzureArcKeyAsync(string path, int maxBytes, CancellationToken cancellationToken) => inner.ReadAzureArcKeyAsync(path, maxBytes, cancellationToken);
    public INetworkClient CreateServiceFabricNetworkClient(string thumbprint) => inner.CreateServiceFabricNetworkClient(thumbprint);
}
#endregion
