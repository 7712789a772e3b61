namespace Auth.Testing;

/// <summary>The managed identity source a <see cref="FakeManagedIdentityEndpoint"/> plays.</summary>
public enum FakeManagedIdentitySource
{
    /// <summary>The Azure Instance Metadata Service (VMs, scale sets, AKS): <c>GET /metadata/identity/oauth2/token</c>, api-version 2018-02-01.</summary>
    Imds,

    /// <summary>App Service and Azure Functions: <c>GET {IDENTITY_ENDPOINT}</c>, api-version 2019-08-01, header <c>X-IDENTITY-HEADER</c>.</summary>
    AppService,

    /// <summary>Azure Arc-enabled servers: <c>GET {IDENTITY_ENDPOINT}</c>, api-version 2020-06-01, a 401 challenge naming a key file, then <c>Authorization: Basic {key}</c>.</summary>
    AzureArc,

    /// <summary>Azure Cloud Shell: <c>POST {MSI_ENDPOINT}</c> with a form body <c>resource=…</c>; system-assigned only.</summary>
    CloudShell,

    /// <summary>Service Fabric: <c>GET {IDENTITY_ENDPOINT}</c> over HTTPS with a self-signed certificate, api-version 2020-05-01, header <c>secret</c>.</summary>
    ServiceFabric,

    /// <summary>Azure Machine Learning: <c>GET {MSI_ENDPOINT}</c>, api-version 2017-09-01, headers <c>Metadata</c> and <c>secret</c>, <c>clientid</c> always.</summary>
    MachineLearning,
}
