using System.Text.Json.Serialization;

namespace Auth.Common.Authority;

/// <summary>Entra ID's instance discovery answer (<c>/common/discovery/instance</c>).</summary>
internal sealed class InstanceDiscoveryJson
{
    [JsonPropertyName("tenant_discovery_endpoint")]
    public string? TenantDiscoveryEndpoint { get; init; }

    [JsonPropertyName("metadata")]
    public CloudJson[]? Metadata { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }

    internal sealed class CloudJson
    {
        [JsonPropertyName("preferred_network")]
        public string? PreferredNetwork { get; init; }

        [JsonPropertyName("preferred_cache")]
        public string? PreferredCache { get; init; }

        [JsonPropertyName("aliases")]
        public string[]? Aliases { get; init; }
    }
}
