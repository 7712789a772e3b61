using Auth.Common.ManagedIdentity;
using Auth.Common.Platform;
using Auth.Common.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.ManagedIdentity;

/// <summary>Builds clients for a source over a recording network, and the answers identity endpoints give.</summary>
internal static class ManagedIdentityHarness
{
    public const string Secret = "s3cr3t-header-value";

    public static Dictionary<string, string> Environment(ManagedIdentitySource source) => source switch
    {
        ManagedIdentitySource.AppService => new() { ["IDENTITY_ENDPOINT"] = "http://127.0.0.1:41000/msi/token", ["IDENTITY_HEADER"] = Secret },
        ManagedIdentitySource.ServiceFabric => new() { ["IDENTITY_ENDPOINT"] = "https://127.0.0.1:2377/metadata/identity/oauth2/token", ["IDENTITY_HEADER"] = Secret, ["IDENTITY_SERVER_THUMBPRINT"] = "ABCDEF" },
        ManagedIdentitySource.MachineLearning => new() { ["MSI_ENDPOINT"] = "http://127.0.0.1:46808/msi/token", ["MSI_SECRET"] = Secret, ["DEFAULT_IDENTITY_CLIENT_ID"] = "ml-default-client" },
        ManagedIdentitySource.CloudShell => new() { ["MSI_ENDPOINT"] = "http://localhost:50342/oauth2/token" },
        ManagedIdentitySource.AzureArc => new() { ["IDENTITY_ENDPOINT"] = "http://127.0.0.1:40342/metadata/identity/oauth2/token", ["IMDS_ENDPOINT"] = "http://127.0.0.1:40342" },
        _ => new() { ["AZURE_POD_IDENTITY_AUTHORITY_HOST"] = "http://127.0.0.1:42000" },
    };

    public static string Token(long expiresOn, string accessToken = "mi-token") =>
        $$"""{"access_token":"{{accessToken}}","expires_on":"{{expiresOn}}","token_type":"Bearer","resource":"https://management.azure.com"}""";

    public static ManagedIdentityClient Client(
        ManagedIdentitySource source,
        INetworkClient network,
        ManagedIdentityId? id = null,
        TimeProvider? time = null,
        string? keyDirectory = null,
        Dictionary<string, string>? environment = null) =>
        new(new ManagedIdentityClientOptions
        {
            Identity = id ?? ManagedIdentityId.SystemAssigned,
            NetworkClient = network,
            Platform = new TestManagedIdentityPlatform(environment ?? Environment(source), keyDirectory, source == ManagedIdentitySource.ServiceFabric ? network : null),
            TimeProvider = time ?? new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)),
            RetryDelay = TimeSpan.Zero,
        });
}
