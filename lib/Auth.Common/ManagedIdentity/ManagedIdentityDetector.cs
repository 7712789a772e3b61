using Auth.Common.Errors;

namespace Auth.Common.ManagedIdentity;

/// <summary>
/// Works out the source from the environment in the order both MSALs use: Service Fabric, App Service, Machine Learning,
/// Cloud Shell, Azure Arc, and IMDS when nothing else is named (no probe is sent).
/// </summary>
internal static class ManagedIdentityDetector
{
    public const string IdentityEndpoint = "IDENTITY_ENDPOINT";
    public const string IdentityHeader = "IDENTITY_HEADER";
    public const string IdentityServerThumbprint = "IDENTITY_SERVER_THUMBPRINT";
    public const string MsiEndpoint = "MSI_ENDPOINT";
    public const string MsiSecret = "MSI_SECRET";
    public const string ImdsEndpoint = "IMDS_ENDPOINT";
    public const string PodIdentityAuthorityHost = "AZURE_POD_IDENTITY_AUTHORITY_HOST";
    public const string DefaultIdentityClientId = "DEFAULT_IDENTITY_CLIENT_ID";

    private const string ImdsTokenPath = "/metadata/identity/oauth2/token";
    private static readonly Uri DefaultImds = new("http://169.254.169.254" + ImdsTokenPath);
    private static readonly Uri DefaultArc = new("http://127.0.0.1:40342" + ImdsTokenPath);

    /// <summary>Returns the endpoint the environment names, or the problem with its variables.</summary>
    public static Result Detect(IManagedIdentityPlatform platform)
    {
        string? Get(string name) => platform.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : null;

        var identityEndpoint = Get(IdentityEndpoint);
        var identityHeader = Get(IdentityHeader);
        var msiEndpoint = Get(MsiEndpoint);
        if (identityEndpoint is not null && identityHeader is not null)
        {
            if (Get(IdentityServerThumbprint) is { } thumbprint)
            {
                return Endpoint(ManagedIdentitySource.ServiceFabric, IdentityEndpoint, identityEndpoint, httpsOnly: true, uri => new(ManagedIdentitySource.ServiceFabric, uri, identityHeader, thumbprint));
            }

            return Endpoint(ManagedIdentitySource.AppService, IdentityEndpoint, identityEndpoint, httpsOnly: false, uri => new(ManagedIdentitySource.AppService, uri, identityHeader));
        }

        if (msiEndpoint is not null)
        {
            return Get(MsiSecret) is { } secret
                ? Endpoint(ManagedIdentitySource.MachineLearning, MsiEndpoint, msiEndpoint, httpsOnly: false, uri => new(ManagedIdentitySource.MachineLearning, uri, secret, DefaultClientId: Get(DefaultIdentityClientId)))
                : Endpoint(ManagedIdentitySource.CloudShell, MsiEndpoint, msiEndpoint, httpsOnly: false, uri => new(ManagedIdentitySource.CloudShell, uri));
        }

        if (identityEndpoint is not null && Get(ImdsEndpoint) is not null)
        {
            return Endpoint(ManagedIdentitySource.AzureArc, IdentityEndpoint, identityEndpoint, httpsOnly: false, uri => new(ManagedIdentitySource.AzureArc, uri));
        }

        if (platform.IsAzureArcAgentInstalled)
        {
            return new Result(new ManagedIdentityEndpoint(ManagedIdentitySource.AzureArc, DefaultArc), null);
        }

        if (Get(PodIdentityAuthorityHost) is { } host)
        {
            // The variable names the host; the path is always IMDS's.
            return Endpoint(ManagedIdentitySource.Imds, PodIdentityAuthorityHost, host, httpsOnly: false, uri => new(ManagedIdentitySource.Imds, new UriBuilder(uri) { Path = ImdsTokenPath, Query = string.Empty }.Uri));
        }

        return new Result(new ManagedIdentityEndpoint(ManagedIdentitySource.Imds, DefaultImds), null);
    }

    private static Result Endpoint(ManagedIdentitySource source, string variable, string value, bool httpsOnly, Func<Uri, ManagedIdentityEndpoint> create)
    {
        var valid = Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp))
            && string.IsNullOrEmpty(uri.UserInfo);
        return valid
            ? new Result(create(uri!), null)
            : new Result(null, $"The environment names the {source} managed identity source, but {variable} is not an absolute {(httpsOnly ? "https" : "http or https")} URL ('{ServerText.Text(value, 200)}'). Check the host's managed identity configuration.");
    }

    /// <summary>The detected endpoint, or why there is none.</summary>
    public sealed record Result(ManagedIdentityEndpoint? Endpoint, string? Problem)
    {
        public ManagedIdentitySource Source => Endpoint?.Source ?? ManagedIdentitySource.None;

        /// <summary>Returns the endpoint, or throws <see cref="AuthErrorCodes.ManagedIdentityEnvironmentInvalid"/>.</summary>
        public ManagedIdentityEndpoint GetOrThrow(Guid correlationId) =>
            Endpoint ?? throw new AuthClientException(AuthErrorCodes.ManagedIdentityEnvironmentInvalid, Problem!) { CorrelationId = correlationId };
    }
}
