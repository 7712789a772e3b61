using System.Text.Json;
using System.Text.Json.Serialization;
using Auth.Common.Accounts;

namespace Auth.Common.Cache;

/// <summary>A cached account (CACHE-SCHEMA.md, section Account). Unknown fields are kept.</summary>
internal sealed class AccountEntity
{
    [JsonPropertyName("home_account_id")]
    public string? HomeAccountId { get; set; }

    [JsonPropertyName("environment")]
    public string? Environment { get; set; }

    [JsonPropertyName("realm")]
    public string? Realm { get; set; }

    [JsonPropertyName("local_account_id")]
    public string? LocalAccountId { get; set; }

    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("authority_type")]
    public string? AuthorityType { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("client_info")]
    public string? ClientInfo { get; set; }

    [JsonPropertyName("last_modification_time")]
    public string? LastModificationTime { get; set; }

    [JsonPropertyName("last_modification_app")]
    public string? LastModificationApp { get; set; }

    [JsonPropertyName("tenantProfiles")]
    public string[]? TenantProfiles { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public string Key() => CacheKeys.Account(HomeAccountId, Environment, Realm);

    public bool IsComplete() => !string.IsNullOrEmpty(HomeAccountId) && !string.IsNullOrEmpty(Environment);

    /// <summary>Returns the public view of this account, with its ID token's claims when known.</summary>
    public Responses.AccountInfo ToAccountInfo(IReadOnlyDictionary<string, string>? idTokenClaims) => new()
    {
        HomeAccountId = HomeAccountId!,
        Environment = Environment!,
        TenantId = Realm,
        Username = Username,
        LocalAccountId = LocalAccountId,
        Name = Name,
        IdTokenClaims = idTokenClaims,
    };
}
