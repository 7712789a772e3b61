using System.Text.Json;
using System.Text.Json.Serialization;

namespace Auth.Common.Cache;

/// <summary>Cached facts about a client app (CACHE-SCHEMA.md, section AppMetadata).</summary>
internal sealed class AppMetadataEntity
{
    [JsonPropertyName("client_id")]
    public string? ClientId { get; set; }

    [JsonPropertyName("environment")]
    public string? Environment { get; set; }

    [JsonPropertyName("family_id")]
    public string? FamilyId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public string Key() => CacheKeys.AppMetadata(Environment, ClientId);

    public bool IsComplete() => !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(Environment);
}
