using Auth.Common.Errors;
using Auth.Common.ManagedIdentity;
using Auth.Common.Requests;
using Auth.IntegrationTests.Testing;
using Auth.Server;
using Auth.Testing;

namespace Auth.IntegrationTests.Logging;

/// <summary>The managed identity flows of the secrets matrix (App Service, Azure Arc, federated credential), each with a success and a failure path.</summary>
internal static class ManagedIdentitySecretScenarios
{
    private const string FederatedId = "secrets-federated";
    private static readonly ManagedIdentityRequest Request = new() { Resource = "https://management.azure.com" };

    public static async Task AppServiceAsync(SecretsWorld world, bool fail)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AppService });
        var platform = new FakeHostPlatform(endpoint);
        var app = world.ManagedIdentityApp(platform);
        if (fail)
        {
            var unknown = world.ManagedIdentityApp(platform, ManagedIdentityId.FromUserAssignedClientId(Guid.NewGuid().ToString()));
            (await world.FailAsync(Request, () => unknown.AcquireTokenForManagedIdentityAsync(Request))).Code.Should().Be(AuthErrorCodes.ManagedIdentityNotFound);
            await FailWith500Async(world, endpoint, app);
        }
        else
        {
            await world.SucceedAsync(Request, () => app.AcquireTokenForManagedIdentityAsync(Request));
            await world.SucceedAsync(Request, () => app.AcquireTokenForManagedIdentityAsync(Request));
        }

        Harvest(world, endpoint);
    }

    public static async Task AzureArcAsync(SecretsWorld world, bool fail)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AzureArc });
        var app = world.ManagedIdentityApp(new FakeHostPlatform(endpoint));
        if (fail)
        {
            endpoint.ChallengeKeyFileOverride = Path.Combine(endpoint.AzureArcKeyDirectory!, "planted.txt");
            await File.WriteAllTextAsync(endpoint.ChallengeKeyFileOverride, "not-a-key");
            (await world.FailAsync(Request, () => app.AcquireTokenForManagedIdentityAsync(Request))).Code.Should().Be(AuthErrorCodes.ManagedIdentityKeyFileExtension);
            endpoint.ChallengeKeyFileOverride = null;
            await FailWith500Async(world, endpoint, app);
        }
        else
        {
            await world.SucceedAsync(Request, () => app.AcquireTokenForManagedIdentityAsync(Request));
            await world.SucceedAsync(Request, () => app.AcquireTokenForManagedIdentityAsync(Request with { ForceRefresh = true }));
        }

        Harvest(world, endpoint);
    }

    /// <summary>A confidential client whose assertion is the identity's token; the failure asks for a token of another audience.</summary>
    public static async Task FederatedAsync(SecretsWorld world, bool fail)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(FakeManagedIdentityOptions.ForAuthority(world.Authority, FakeManagedIdentitySource.AppService));
        world.Authority.RegisterFederatedClient(FederatedId, world.Authority.Issuer, endpoint.SystemAssigned.ObjectId);
        var identity = world.ManagedIdentityApp(new FakeHostPlatform(endpoint));
        var credential = fail ? ClientCredential.FromManagedIdentity(identity, "api://other-audience") : ClientCredential.FromManagedIdentity(identity);
        world.Show(nameof(ClientCredential), credential);
        var app = world.ConfidentialApp(credential, FederatedId);
        var request = new ClientCredentialRequest { Scopes = ["api://orders/.default"] };

        if (fail)
        {
            (await world.FailAsync(request, () => app.AcquireTokenByClientCredentialAsync(request))).Code.Should().Be("invalid_client");
        }
        else
        {
            await world.SucceedAsync(request, () => app.AcquireTokenByClientCredentialAsync(request));
            await world.SucceedAsync(request, () => app.AcquireTokenByClientCredentialAsync(request with { SkipCache = true }));
        }

        Harvest(world, endpoint);
    }

    /// <summary>Fails every try (the first and its 3 retries) with a 500.</summary>
    private static async Task FailWith500Async(SecretsWorld world, FakeManagedIdentityEndpoint endpoint, ManagedIdentityApplication app)
    {
        endpoint.FailNext(500, times: 10);
        var error = await world.FailAsync(Request, () => app.AcquireTokenForManagedIdentityAsync(Request));
        error.Code.Should().Be(AuthErrorCodes.ManagedIdentityRequestFailed);
        error.Should().BeOfType<AuthServiceException>().Which.StatusCode.Should().Be(500);
    }

    /// <summary>The endpoint's secret, and every Arc key the app sent back (<c>Authorization: Basic &lt;key&gt;</c>).</summary>
    private static void Harvest(SecretsWorld world, FakeManagedIdentityEndpoint endpoint)
    {
        if (endpoint.Secret.Length > 0)
        {
            world.Known(SecretKind.IdentityHeader, endpoint.Secret);
        }

        foreach (var request in endpoint.Requests)
        {
            if (request.Headers.TryGetValue("X-IDENTITY-HEADER", out var header) && header.Length > 0)
            {
                world.Known(SecretKind.IdentityHeader, header);
            }

            if (request.Headers.TryGetValue("Authorization", out var basic) && basic.StartsWith("Basic ", StringComparison.Ordinal) && basic.Length > 6)
            {
                world.Known(SecretKind.ArcKey, basic[6..]);
            }
        }
    }
}
