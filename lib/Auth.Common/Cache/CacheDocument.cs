using System.Text.Json;
using System.Text.Json.Serialization;

namespace Auth.Common.Cache;

/// <summary>The top level of the serialized cache; unknown sections are kept as they were.</summary>
internal sealed class CacheDocument
{
    [JsonPropertyName("Account")]
    public Dictionary<string, AccountEntity>? Accounts { get; set; }

    [JsonPropertyName("IdToken")]
    public Dictionary<string, IdTokenEntity>? IdTokens { get; set; }

    [JsonPropertyName("AccessToken")]
    public Dictionary<string, AccessTokenEntity>? AccessTokens { get; set; }

    [JsonPropertyName("RefreshToken")]
    public Dictionary<string, RefreshTokenEntity>? RefreshTokens { get; set; }

    [JsonPropertyName("AppMetadata")]
    public Dictionary<string, AppMetadataEntity>? AppMetadata { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownSections { get; set; }
}
