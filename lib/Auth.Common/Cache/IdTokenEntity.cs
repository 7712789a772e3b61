using System.Text.Json.Serialization;

namespace Auth.Common.Cache;

/// <summary>A cached ID token (CACHE-SCHEMA.md, section IdToken).</summary>
internal sealed class IdTokenEntity : CredentialEntity
{
    [JsonPropertyName("realm")]
    public string? Realm { get; set; }

    public override string Key() =>
        CacheKeys.Credential(HomeAccountId, Environment, CredentialType ?? CacheKeys.IdTokenType, ClientId, Realm, target: null);

    public override string Partition() => HomeAccountId ?? string.Empty;
}
