using System.Text.Json.Serialization;
using Auth.Common.Jwt;

namespace Auth.Common.Cache;

/// <summary>A cached ID token (CACHE-SCHEMA.md, section IdToken).</summary>
internal sealed class IdTokenEntity : CredentialEntity
{
    [JsonPropertyName("realm")]
    public string? Realm { get; set; }

    /// <summary>
    /// Gets the ID token's claims (null when it is not a readable JWT), decoded once per token and
    /// shared read-only by every result served from this entry.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string>? Claims
    {
        get
        {
            var secret = Secret;
            if (Volatile.Read(ref _claims) is { } memo && ReferenceEquals(memo.Secret, secret))
            {
                return memo.Claims;
            }

            var claims = JwtPayload.TryRead(secret)?.AsReadOnly();
            Volatile.Write(ref _claims, new ClaimsMemo(secret, claims));
            return claims;
        }
    }

    private ClaimsMemo? _claims;

    public override string Key() =>
        CacheKeys.Credential(HomeAccountId, Environment, CredentialType ?? CacheKeys.IdTokenType, ClientId, Realm, target: null);

    public override string Partition() => PartitionRule.Of("IdToken", HomeAccountId, userAssertionHash: null, ClientId, Realm)!;

    private sealed record ClaimsMemo(string? Secret, IReadOnlyDictionary<string, string>? Claims);
}
