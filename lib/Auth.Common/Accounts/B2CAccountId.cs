namespace Auth.Common.Accounts;

/// <summary>
/// Azure AD B2C keeps an account per policy: its client_info uid is <c>{objectId}-{policy}</c> (the policy in lower case),
/// so the home account id is <c>{objectId}-{policy}.{tenantId}</c>, as MSAL.NET and msal-node store it. Entra ID's uid is
/// the bare object id, so an id with something after its object id names a B2C policy.
/// </summary>
internal static class B2CAccountId
{
    private const int GuidLength = 36;

    /// <summary>Returns the policy a home account id carries (lower case, as B2C sends it), or null when it carries none.</summary>
    public static string? PolicyOf(string? homeAccountId) =>
        TrySplit(homeAccountId, out _, out var policy, out _) ? policy : null;

    /// <summary>
    /// Returns the id of the same user's account for <paramref name="policy"/>: <paramref name="homeAccountId"/> with its
    /// policy replaced, or <paramref name="homeAccountId"/> itself when it carries no policy.
    /// </summary>
    public static string ForPolicy(string homeAccountId, string policy) =>
        TrySplit(homeAccountId, out var objectId, out _, out var tenant)
            ? $"{objectId}-{policy.ToLowerInvariant()}.{tenant}"
            : homeAccountId;

    private static bool TrySplit(string? homeAccountId, out string objectId, out string policy, out string tenant)
    {
        objectId = policy = tenant = string.Empty;
        var dot = homeAccountId?.LastIndexOf('.') ?? -1;
        if (homeAccountId is null || dot <= GuidLength + 1 || homeAccountId[GuidLength] != '-' || !Guid.TryParseExact(homeAccountId.AsSpan(0, GuidLength), "D", out _))
        {
            return false;
        }

        objectId = homeAccountId[..GuidLength];
        policy = homeAccountId[(GuidLength + 1)..dot];
        tenant = homeAccountId[(dot + 1)..];
        return true;
    }
}
