using Auth.Testing;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace Auth.IntegrationTests.Testing;

/// <summary>
/// The real MSAL.NET, pointed at a <see cref="FakeManagedIdentityEndpoint"/> by its <see cref="FakeManagedIdentityEndpoint.EnvironmentVariables"/>
/// alone, picks the source and gets a token: the fake accepts exactly what MSAL.NET sends. Not parallel: it sets process
/// environment variables (and restores them). Azure Arc is left out: MSAL.NET reads key files only from
/// <c>/var/opt/azcmagent/tokens</c>. Each test asks for its own resource, as MSAL.NET shares managed identity tokens across apps; and only one
/// IMDS case, as MSAL.NET keeps the first IMDS host it resolves for the life of the process.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class FakeManagedIdentityMsalTests
{
    private static readonly string[] DetectionVariables =
    [
        "IDENTITY_ENDPOINT", "IDENTITY_HEADER", "IDENTITY_SERVER_THUMBPRINT", "IMDS_ENDPOINT", "MSI_ENDPOINT", "MSI_SECRET",
        "DEFAULT_IDENTITY_CLIENT_ID", "AZURE_POD_IDENTITY_AUTHORITY_HOST",
    ];

    private Dictionary<string, string?> _saved = [];

    [SetUp]
    public void SaveEnvironment() => _saved = DetectionVariables.ToDictionary(name => name, Environment.GetEnvironmentVariable);

    [TearDown]
    public void RestoreEnvironment()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    [TestCase(FakeManagedIdentitySource.Imds)]
    [TestCase(FakeManagedIdentitySource.AppService)]
    [TestCase(FakeManagedIdentitySource.CloudShell)]
    [TestCase(FakeManagedIdentitySource.ServiceFabric)]
    [TestCase(FakeManagedIdentitySource.MachineLearning)]
    public async Task Msal_SystemAssignedAndUserAssigned_GetTokensFromTheFake(FakeManagedIdentitySource source)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });
        using var http = ManagedIdentityWire.CreateClient(endpoint);
        var user = endpoint.AddUserAssigned();
        Use(endpoint);

        var system = await AcquireAsync(ManagedIdentityId.SystemAssigned, http);
        var assigned = source switch
        {
            FakeManagedIdentitySource.Imds => await AcquireAsync(ManagedIdentityId.WithUserAssignedResourceId(user.ResourceId), http),
            FakeManagedIdentitySource.AppService => await AcquireAsync(ManagedIdentityId.WithUserAssignedClientId(user.ClientId), http),
            FakeManagedIdentitySource.ServiceFabric => await AcquireAsync(ManagedIdentityId.WithUserAssignedObjectId(user.ObjectId), http),
            FakeManagedIdentitySource.MachineLearning => await AcquireAsync(ManagedIdentityId.WithUserAssignedClientId(user.ClientId), http),
            _ => null,
        };

        JwtInspector.Payload(system.AccessToken).GetProperty("appid").GetString().Should().Be(endpoint.SystemAssigned.ClientId);
        system.AuthenticationResultMetadata.TokenSource.Should().Be(TokenSource.IdentityProvider);
        if (assigned is not null)
        {
            JwtInspector.Payload(assigned.AccessToken).GetProperty("appid").GetString().Should().Be(user.ClientId);
        }

        endpoint.TokensIssued.Should().Be(assigned is null ? 1 : 2);
    }

    private static Task<AuthenticationResult> AcquireAsync(ManagedIdentityId id, HttpClient http) =>
        ManagedIdentityApplicationBuilder.Create(id)
            .WithHttpClientFactory(new FixedMsalHttpClientFactory(http))
            .Build()
            .AcquireTokenForManagedIdentity("api://msal-check-" + Guid.NewGuid().ToString("N"))
            .ExecuteAsync();

    private static void Use(FakeManagedIdentityEndpoint endpoint)
    {
        foreach (var name in DetectionVariables)
        {
            Environment.SetEnvironmentVariable(name, endpoint.EnvironmentVariables.GetValueOrDefault(name));
        }
    }
}
