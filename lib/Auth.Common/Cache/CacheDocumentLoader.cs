namespace Auth.Common.Cache;

/// <summary>
/// Puts the complete entries of a cache document into the partitions the partition rule names
/// (<see cref="PartitionRule"/>); incomplete entries are dropped, app metadata is kept.
/// </summary>
internal static class CacheDocumentLoader
{
    public static void Load(TokenCacheStore store, CacheDocument document)
    {
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var at in Complete(document.AccessTokens, static e => e.IsComplete()))
        {
            at.HomeAccountId ??= string.Empty;
            at.Realm ??= string.Empty;
            GroupOf(groups, at.Partition()).AccessTokens.Add(at);
        }

        foreach (var rt in Complete(document.RefreshTokens, static e => e.IsComplete()))
        {
            GroupOf(groups, rt.Partition()).RefreshTokens.Add(rt);
        }

        foreach (var id in Complete(document.IdTokens, static e => e.IsComplete()))
        {
            GroupOf(groups, id.Partition()).IdTokens.Add(id);
        }

        foreach (var account in Complete(document.Accounts, static e => e.IsComplete()))
        {
            GroupOf(groups, PartitionRule.Of("Account", account.HomeAccountId, null, null, account.Realm)!).Accounts.Add(account);
        }

        foreach (var (key, group) in groups)
        {
            store.GetOrCreate(key).Load(group.AccessTokens, group.RefreshTokens, group.IdTokens, group.Accounts);
            group.Accounts.ForEach(store.IndexAccount);
        }

        foreach (var metadata in Complete(document.AppMetadata, static e => e.IsComplete()))
        {
            store.SetAppMetadata(metadata);
        }
    }

    private static Group GroupOf(Dictionary<string, Group> groups, string key)
    {
        if (!groups.TryGetValue(key, out var group))
        {
            group = new Group();
            groups[key] = group;
        }

        return group;
    }

    private static IEnumerable<T> Complete<T>(Dictionary<string, T>? section, Func<T, bool> isComplete) =>
        section is null ? [] : section.Values.Where(e => e is not null && isComplete(e));

    private sealed class Group
    {
        public List<AccessTokenEntity> AccessTokens { get; } = [];

        public List<RefreshTokenEntity> RefreshTokens { get; } = [];

        public List<IdTokenEntity> IdTokens { get; } = [];

        public List<AccountEntity> Accounts { get; } = [];
    }
}
