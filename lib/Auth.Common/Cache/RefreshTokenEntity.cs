using System.Text.Json.Serialization;

namespace Auth.Common.Cache;

/// <summary>A cached refresh token (CACHE-SCHEMA.md, section RefreshToken).</summary>
internal sealed class RefreshTokenEntity : CredentialEntity
{
    [JsonPropertyName("family_id")]
    public string? FamilyId { get; set; }

    [JsonPropertyName("target")]
    public string? Target { get; set; }

    [JsonPropertyName("user_assertion_hash")]
    public string? UserAssertionHash { get; set; }

    public override string Key() =>
        CacheKeys.Credential(
            HomeAccountId,
            Environment,
            CredentialType ?? CacheKeys.RefreshTokenType,
            string.IsNullOrEmpty(FamilyId) ? ClientId : FamilyId,
            realm: null,
            target: null);

    public override string Partition() => PartitionRule.Of("RefreshToken", HomeAccountId, UserAssertionHash, ClientId, realm: null)!;
}
