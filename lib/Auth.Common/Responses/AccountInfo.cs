namespace Auth.Common.Responses;

/// <summary>A signed-in account as the cache knows it.</summary>
public sealed record AccountInfo
{
    /// <summary>
    /// Gets the account's id across tenants, case-sensitive: <c>{oid}.{tid}</c> in Entra ID, <c>sub</c> in AD FS, and for an
    /// OpenID Provider (<c>ProtocolMode.Oidc</c>) <c>{sub}~{tag}</c>, the tag naming the issuer (see docs/cache-interop.md).
    /// </summary>
    public required string HomeAccountId { get; init; }

    /// <summary>Gets the authority host the account signed in at.</summary>
    public required string Environment { get; init; }

    /// <summary>Gets the tenant the account signed in to.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets the user name (preferred_username, upn or email).</summary>
    public string? Username { get; init; }

    /// <summary>Gets the account's id within the tenant (<c>oid</c>, else <c>sub</c>).</summary>
    public string? LocalAccountId { get; init; }

    /// <summary>Gets the display name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the claims of the account's ID token, when the cache holds one.</summary>
    public IReadOnlyDictionary<string, string>? IdTokenClaims { get; init; }
}
