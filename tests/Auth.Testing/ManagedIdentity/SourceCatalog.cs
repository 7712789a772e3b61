namespace Auth.Testing.ManagedIdentity;

/// <summary>The rules of each source, and whether it has a secret.</summary>
internal static class SourceCatalog
{
    /// <summary>Whether the source checks a secret header (App Service, Service Fabric, Machine Learning).</summary>
    public static bool HasSecret(FakeManagedIdentitySource source) =>
        source is FakeManagedIdentitySource.AppService or FakeManagedIdentitySource.ServiceFabric or FakeManagedIdentitySource.MachineLearning;

    public static SourceRules Rules(FakeManagedIdentitySource source, string secret) => source switch
    {
        FakeManagedIdentitySource.Imds => ImdsRules.Create(),
        FakeManagedIdentitySource.AppService => AppServiceRules.Create(secret),
        FakeManagedIdentitySource.AzureArc => AzureArcRules.Create(),
        FakeManagedIdentitySource.CloudShell => CloudShellRules.Create(),
        FakeManagedIdentitySource.ServiceFabric => ServiceFabricRules.Create(secret),
        FakeManagedIdentitySource.MachineLearning => MachineLearningRules.Create(secret),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a managed identity source."),
    };
}
