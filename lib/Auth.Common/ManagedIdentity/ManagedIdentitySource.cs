namespace Auth.Common.ManagedIdentity;

/// <summary>Where a managed identity's tokens come from: the Azure host's identity endpoint, as its environment names it.</summary>
public enum ManagedIdentitySource
{
    /// <summary>No source can be used: the environment names one, but its variables are malformed (the error says which).</summary>
    None,

    /// <summary>The Azure Instance Metadata Service of virtual machines, scale sets and AKS (the default when no other source is named).</summary>
    Imds,

    /// <summary>App Service and Azure Functions (<c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c>).</summary>
    AppService,

    /// <summary>Azure Arc-enabled servers (<c>IDENTITY_ENDPOINT</c> and <c>IMDS_ENDPOINT</c>, or the Arc agent installed).</summary>
    AzureArc,

    /// <summary>Azure Cloud Shell (<c>MSI_ENDPOINT</c> alone).</summary>
    CloudShell,

    /// <summary>Service Fabric (<c>IDENTITY_ENDPOINT</c>, <c>IDENTITY_HEADER</c> and <c>IDENTITY_SERVER_THUMBPRINT</c>).</summary>
    ServiceFabric,

    /// <summary>Azure Machine Learning (<c>MSI_ENDPOINT</c> and <c>MSI_SECRET</c>).</summary>
    MachineLearning,
}
