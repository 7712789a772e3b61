using System.Text.Json.Serialization;
using Auth.Common.Jwt;

namespace Auth.Common.Cache;

/// <summary>A cached access token (CACHE-SCHEMA.md, section AccessToken).</summary>
internal sealed class AccessTokenEntity : CredentialEntity
{
    [JsonPropertyName("realm")]
    public string? Realm { get; set; }

    [JsonPropertyName("target")]
    public string? Target
    {
        get => _target;
        set
        {
            _target = value;
            _scopes = null;
            _scopeList = null;
        }
    }

    /// <summary>
    /// Gets or sets the scopes the authority granted, when they differ from <see cref="Target"/>: an
    /// app token is cached under the scopes the app asked for when the answer named others (see
    /// <c>AccessTokenFactory.ForApp</c>), and results report what was really granted (RFC 6749
    /// section 5.1). An extension of the MSAL schema; MSAL keeps unknown fields.
    /// </summary>
    [JsonPropertyName("granted_target")]
    public string? GrantedTarget
    {
        get => _grantedTarget;
        set
        {
            _grantedTarget = value;
            _grantedScopeList = null;
        }
    }

    [JsonPropertyName("cached_at")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public long? CachedAt { get; set; }

    [JsonPropertyName("expires_on")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public long? ExpiresOn { get; set; }

    [JsonPropertyName("extended_expires_on")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public long? ExtendedExpiresOn { get; set; }

    [JsonPropertyName("refresh_on")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public long? RefreshOn { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("key_id")]
    public string? KeyId { get; set; }

    [JsonPropertyName("user_assertion_hash")]
    public string? UserAssertionHash { get; set; }

    /// <summary>
    /// Gets or sets the key of the extra query parameters the token was obtained with (<see cref="QueryParameterKey"/>),
    /// null when there were none. Such a token has MSAL.NET's credential type <c>AccessToken_Extended</c>.
    /// </summary>
    [JsonPropertyName("ext_cache_key")]
    public string? ExtCacheKey { get; set; }

    /// <summary>
    /// Gets or sets the issuer of an app token of a generic OpenID Provider (<see cref="Authority.AuthorityInfo.AppTokenIssuer"/>),
    /// null for Microsoft authorities, whose realm names the tenant. The schema's realm for such a token is empty (MSAL.NET)
    /// or the authority's first path segment (msal-node), which two issuers on one host share; this field keeps their
    /// tokens apart while both MSALs still read the entry. An extension of the MSAL schema; MSAL keeps unknown fields.
    /// </summary>
    [JsonPropertyName("issuer")]
    public string? Issuer { get; set; }

    /// <summary>Gets the granted scopes, parsed once.</summary>
    [JsonIgnore]
    public ScopeSet Scopes => _scopes ??= ScopeSet.Parse(Target);

    /// <summary>
    /// Gets the tenant the token was issued in: the realm when it is a tenant id, else the token's own
    /// <c>tid</c> claim when the token is a readable JWT (authorities named by domain or
    /// <c>organizations</c>), else the realm as configured. Worked out once per token, not per cache hit.
    /// </summary>
    [JsonIgnore]
    public string? IssuedTenant
    {
        get
        {
            var (secret, realm) = (Secret, Realm);
            if (Volatile.Read(ref _issuedTenant) is { } memo && ReferenceEquals(memo.Secret, secret) && ReferenceEquals(memo.Realm, realm))
            {
                return memo.Tenant;
            }

            var tenant = string.IsNullOrEmpty(realm) ? null
                : Guid.TryParse(realm, out _) ? realm
                : JwtPayload.TryRead(secret)?.GetValueOrDefault("tid") ?? realm;
            Volatile.Write(ref _issuedTenant, new TenantMemo(secret, realm, tenant));
            return tenant;
        }
    }

    /// <summary>Gets whether the token is a bearer token (the type when none is recorded).</summary>
    [JsonIgnore]
    public bool IsBearer => TokenType is null || TokenType.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the granted scopes as a read-only list, split once (shared by every result served from this entry).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ScopeList => _scopeList ??= Array.AsReadOnly((Target ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Gets the scopes the authority granted, as a read-only list split once: <see cref="GrantedTarget"/> when recorded, else <see cref="ScopeList"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> GrantedScopeList => _grantedTarget is null
        ? ScopeList
        : _grantedScopeList ??= Array.AsReadOnly(_grantedTarget.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private ScopeSet? _scopes;
    private IReadOnlyList<string>? _grantedScopeList;
    private string? _grantedTarget;
    private IReadOnlyList<string>? _scopeList;
    private TenantMemo? _issuedTenant;
    private string? _target;

    public override string Key() =>
        CacheKeys.AccessToken(CacheKeys.Credential(HomeAccountId, Environment, CredentialType ?? CacheKeys.AccessTokenType, ClientId, Realm, Target), ExtCacheKey, Issuer);

    /// <summary>
    /// Returns whether the token may serve a request with these extra query parameters (<paramref name="queryKey"/>) and
    /// issuer: the parameters must be the same set, and an issuer, when the token records one, the same issuer. A token
    /// that records none was written by MSAL or an earlier version and is taken as the realm alone allows.
    /// </summary>
    public bool Serves(string? queryKey, string? issuer) =>
        string.Equals(ExtCacheKey, queryKey, StringComparison.Ordinal)
        && (Issuer is null || string.Equals(Issuer, issuer, StringComparison.Ordinal));

    public override string Partition() => PartitionRule.Of("AccessToken", HomeAccountId, UserAssertionHash, ClientId, Realm)!;

    public override bool IsComplete() => base.IsComplete() && ExpiresOn is not null && !string.IsNullOrEmpty(Target);

    private sealed record TenantMemo(string? Secret, string? Realm, string? Tenant);
}
