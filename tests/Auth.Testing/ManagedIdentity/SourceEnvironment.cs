namespace Auth.Testing.ManagedIdentity;

/// <summary>
/// The environment variables that make MSAL.NET's and msal-node's source detection pick the played source
/// (Service Fabric needs all three of its variables, App Service two without a thumbprint, Machine Learning
/// MSI_ENDPOINT with MSI_SECRET, Cloud Shell MSI_ENDPOINT alone, Arc IDENTITY_ENDPOINT with IMDS_ENDPOINT, and
/// IMDS none but its host override).
/// </summary>
internal static class SourceEnvironment
{
    /// <param name="source">The source played.</param>
    /// <param name="baseUri">The server root, e.g. <c>http://127.0.0.1:54321/</c>.</param>
    /// <param name="endpoint">The token URL.</param>
    /// <param name="secret">The secret header value.</param>
    /// <param name="thumbprint">The Service Fabric server certificate's SHA-1 thumbprint.</param>
    /// <param name="systemClientId">The system-assigned identity's client id.</param>
    public static IReadOnlyDictionary<string, string> For(FakeManagedIdentitySource source, Uri baseUri, Uri endpoint, string secret, string? thumbprint, string systemClientId)
    {
        var root = baseUri.GetLeftPart(UriPartial.Authority);
        var token = endpoint.ToString();
        return source switch
        {
            FakeManagedIdentitySource.AppService => new Dictionary<string, string> { ["IDENTITY_ENDPOINT"] = token, ["IDENTITY_HEADER"] = secret },
            FakeManagedIdentitySource.AzureArc => new Dictionary<string, string> { ["IDENTITY_ENDPOINT"] = token, ["IMDS_ENDPOINT"] = root },
            FakeManagedIdentitySource.CloudShell => new Dictionary<string, string> { ["MSI_ENDPOINT"] = token },
            FakeManagedIdentitySource.ServiceFabric => new Dictionary<string, string>
            {
                ["IDENTITY_ENDPOINT"] = token,
                ["IDENTITY_HEADER"] = secret,
                ["IDENTITY_SERVER_THUMBPRINT"] = thumbprint ?? throw new ArgumentNullException(nameof(thumbprint)),
            },
            FakeManagedIdentitySource.MachineLearning => new Dictionary<string, string>
            {
                ["MSI_ENDPOINT"] = token,
                ["MSI_SECRET"] = secret,
                ["DEFAULT_IDENTITY_CLIENT_ID"] = systemClientId,
            },
            _ => new Dictionary<string, string> { ["AZURE_POD_IDENTITY_AUTHORITY_HOST"] = root },
        };
    }
}
