using System.Collections.Concurrent;

namespace Auth.Common.Cache;

/// <summary>
/// Which home account each local account id in memory belongs to, so that a lookup by local id does
/// not scan every account. Entries may outlive their account (a partition replaced by a plugin's
/// blob); readers check the account is still in the home partition.
/// </summary>
internal sealed class LocalAccountIndex
{
    private readonly ConcurrentDictionary<string, string> _homeByLocalId = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records the account's local id, when it has one.</summary>
    public void Add(AccountEntity account)
    {
        if (!string.IsNullOrEmpty(account.LocalAccountId) && !string.IsNullOrEmpty(account.HomeAccountId))
        {
            _homeByLocalId[account.LocalAccountId] = account.HomeAccountId;
        }
    }

    /// <summary>Returns the home account id last recorded for <paramref name="localAccountId"/>, or null.</summary>
    public string? HomeOf(string localAccountId) => _homeByLocalId.TryGetValue(localAccountId, out var home) ? home : null;

    /// <summary>Forgets <paramref name="localAccountId"/> if it still points to <paramref name="homeAccountId"/>.</summary>
    public void Remove(string localAccountId, string homeAccountId) =>
        _homeByLocalId.TryRemove(new KeyValuePair<string, string>(localAccountId, homeAccountId));

    public void Clear() => _homeByLocalId.Clear();
}
