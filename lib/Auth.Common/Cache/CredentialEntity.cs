using System.Text.Json;
using System.Text.Json.Serialization;

namespace Auth.Common.Cache;

/// <summary>Fields every cached credential has (CACHE-SCHEMA.md). Unknown fields are kept.</summary>
internal abstract class CredentialEntity
{
    [JsonPropertyName("home_account_id")]
    public string? HomeAccountId { get; set; }

    [JsonPropertyName("environment")]
    public string? Environment { get; set; }

    [JsonPropertyName("credential_type")]
    public string? CredentialType { get; set; }

    [JsonPropertyName("client_id")]
    public string? ClientId { get; set; }

    [JsonPropertyName("secret")]
    public string? Secret { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>Returns the entity's cache key, derived from its fields.</summary>
    public abstract string Key();

    /// <summary>Returns the partition the entity belongs to.</summary>
    public abstract string Partition();

    /// <summary>Returns whether the entity has the fields any reader needs.</summary>
    public virtual bool IsComplete() =>
        !string.IsNullOrEmpty(Environment) && !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(Secret);
}
