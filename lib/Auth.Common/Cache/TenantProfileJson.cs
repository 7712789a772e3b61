using System.Text.Json.Serialization;

namespace Auth.Common.Cache;

/// <summary>One entry of an account's <c>tenantProfiles</c> (written for msal-node, which needs it).</summary>
internal sealed class TenantProfileJson
{
    [JsonPropertyName("tenantId")]
    public required string TenantId { get; init; }

    [JsonPropertyName("localAccountId")]
    public required string LocalAccountId { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("username")]
    public required string Username { get; init; }

    [JsonPropertyName("isHomeTenant")]
    public bool IsHomeTenant { get; init; }
}
