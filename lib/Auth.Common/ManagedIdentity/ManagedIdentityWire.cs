using Auth.Common.Errors;
using Auth.Common.Platform;

namespace Auth.Common.ManagedIdentity;

/// <summary>
/// Each source's request, as its endpoint takes it (checked against MSAL.NET's sources): method, api-version, the header
/// that carries the secret, and the parameter that names a user-assigned identity of each kind. A kind a source cannot
/// name is refused before anything is sent; it never falls back to the system-assigned identity.
/// </summary>
internal static class ManagedIdentityWire
{
    /// <summary>The largest Azure Arc key file accepted (both MSALs' bound).</summary>
    public const int MaxArcKeyBytes = 4096;

    /// <summary>Returns the error for an identity kind <paramref name="endpoint"/> cannot name, or null when it can.</summary>
    public static AuthClientException? Refuse(ManagedIdentityEndpoint endpoint, ManagedIdentityId id)
    {
        var spec = Spec.Of(endpoint.Source);
        if (id.Kind == ManagedIdentityIdKind.SystemAssigned)
        {
            return endpoint.Source == ManagedIdentitySource.MachineLearning && endpoint.DefaultClientId is null
                ? new AuthClientException(
                    AuthErrorCodes.ManagedIdentityEnvironmentInvalid,
                    $"Machine Learning names its system-assigned identity by {ManagedIdentityDetector.DefaultIdentityClientId}, which is not set. Check the compute's identity configuration, or name a user-assigned identity by client id.")
                : null;
        }

        return spec.ParameterOf(id.Kind) is not null
            ? null
            : new AuthClientException(
                AuthErrorCodes.ManagedIdentityIdNotSupported,
                $"The {endpoint.Source} managed identity source cannot name a user-assigned identity by {Describe(id.Kind)}; it supports {spec.Supported}. Nothing was sent. "
                    + "Use a supported kind of id, or the system-assigned identity if that is the one you mean.");
    }

    /// <summary>Builds the request for <paramref name="resource"/>; <paramref name="arcKey"/> answers Azure Arc's challenge.</summary>
    public static NetworkRequest Build(ManagedIdentityEndpoint endpoint, ManagedIdentityId id, string resource, Guid correlationId, string? revokedTokenHash, string? arcKey)
    {
        var spec = Spec.Of(endpoint.Source);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (spec.ApiVersion is { } apiVersion)
        {
            query["api-version"] = apiVersion;
        }

        var identityParameter = id.Kind == ManagedIdentityIdKind.SystemAssigned
            ? endpoint.Source == ManagedIdentitySource.MachineLearning ? (Name: "clientid", Value: endpoint.DefaultClientId!) : default
            : (Name: spec.ParameterOf(id.Kind)!, Value: id.Value!);

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (spec.SendsMetadataHeader)
        {
            headers["Metadata"] = "true";
        }

        if (spec.SecretHeader is { } secretHeader)
        {
            headers[secretHeader] = endpoint.Secret!;
        }

        if (arcKey is not null)
        {
            headers["Authorization"] = "Basic " + arcKey;
        }

        if (spec.IsPost)
        {
            List<KeyValuePair<string, string>> form = [new("resource", resource)];
            if (identityParameter.Name is not null)
            {
                form.Add(new(identityParameter.Name, identityParameter.Value));
            }

            return new NetworkRequest { Uri = WithQuery(endpoint.Uri, query), Form = form, Headers = headers, CorrelationId = correlationId };
        }

        query["resource"] = resource;
        if (identityParameter.Name is not null)
        {
            query[identityParameter.Name] = identityParameter.Value;
        }

        if (revokedTokenHash is not null && endpoint.Source == ManagedIdentitySource.ServiceFabric)
        {
            query["token_sha256_to_refresh"] = revokedTokenHash;
        }

        return new NetworkRequest { Uri = WithQuery(endpoint.Uri, query), Headers = headers, CorrelationId = correlationId };
    }

    private static Uri WithQuery(Uri uri, Dictionary<string, string> query) =>
        query.Count == 0 ? uri : Pipeline.UriQuery.Append(uri, query);

    private static string Describe(ManagedIdentityIdKind kind) => kind switch
    {
        ManagedIdentityIdKind.ClientId => "client id",
        ManagedIdentityIdKind.ResourceId => "resource id",
        _ => "object id",
    };

    /// <summary>One source's wire format.</summary>
    private sealed record Spec(string? ApiVersion, bool IsPost, bool SendsMetadataHeader, string? SecretHeader, string? ClientId, string? ResourceId, string? ObjectId)
    {
        private static readonly Spec Imds = new("2018-02-01", false, true, null, "client_id", "msi_res_id", "object_id");
        private static readonly Spec AppService = new("2019-08-01", false, false, "X-IDENTITY-HEADER", "client_id", "mi_res_id", "object_id");
        private static readonly Spec AzureArc = new("2020-06-01", false, true, null, null, null, null);
        private static readonly Spec CloudShell = new(null, true, true, null, null, null, null);
        private static readonly Spec ServiceFabric = new("2020-05-01", false, false, "secret", null, null, "principalId");
        private static readonly Spec MachineLearning = new("2017-09-01", false, true, "secret", "clientid", null, null);

        public string Supported
        {
            get
            {
                var kinds = new[] { (ClientId, "client id"), (ResourceId, "resource id"), (ObjectId, "object id") }.Where(k => k.Item1 is not null).Select(k => k.Item2).ToList();
                return kinds.Count == 0 ? "only its system-assigned identity" : $"the system-assigned identity and user-assigned identities by {string.Join(" or ", kinds)}";
            }
        }

        public static Spec Of(ManagedIdentitySource source) => source switch
        {
            ManagedIdentitySource.AppService => AppService,
            ManagedIdentitySource.AzureArc => AzureArc,
            ManagedIdentitySource.CloudShell => CloudShell,
            ManagedIdentitySource.ServiceFabric => ServiceFabric,
            ManagedIdentitySource.MachineLearning => MachineLearning,
            _ => Imds,
        };

        public string? ParameterOf(ManagedIdentityIdKind kind) => kind switch
        {
            ManagedIdentityIdKind.ClientId => ClientId,
            ManagedIdentityIdKind.ResourceId => ResourceId,
            ManagedIdentityIdKind.ObjectId => ObjectId,
            _ => null,
        };
    }
}
