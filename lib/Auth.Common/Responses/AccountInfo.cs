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

    /// <summary>
    /// Gets the Azure AD B2C policy (user flow) the account signed in with, in lower case (e.g. <c>b2c_1_signupsignin</c>), or
    /// null for an account of another authority. B2C keeps one account per policy: its home account id is
    /// <c>{oid}-{policy}.{tenant id}</c>, as in MSAL. A silent request at a policy's authority uses the same user's account of
    /// that policy, whichever of the user's accounts it is given.
    /// </summary>
    public string? B2CPolicy => Accounts.B2CAccountId.PolicyOf(HomeAccountId);
}
