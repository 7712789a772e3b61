namespace Auth.Common.Cache;

/// <summary>
/// The size bound of a cache: when more access tokens are held than <see cref="MaxAccessTokens"/>,
/// removes the soonest-expiring (expired ones first) down to 90% of the bound, so the walk this
/// takes is paid once per many writes.
/// </summary>
internal sealed class AccessTokenEviction
{
    private readonly Lock _lock = new();

    public AccessTokenEviction(int? maxAccessTokens) => MaxAccessTokens = maxAccessTokens;

    /// <summary>Gets the bound; null when unbounded.</summary>
    public int? MaxAccessTokens { get; }

    public void Apply(IEnumerable<CachePartition> partitions, CacheSize size)
    {
        if (MaxAccessTokens is not { } max || size.AccessTokens <= max)
        {
            return;
        }

        lock (_lock)
        {
            var all = new List<(long ExpiresOn, CachePartition Partition, string Key)>();
            foreach (var partition in partitions)
            {
                partition.CollectExpiries(all);
            }

            var keep = max - (max / 10);
            if (all.Count > keep)
            {
                all.Sort(static (a, b) => a.ExpiresOn.CompareTo(b.ExpiresOn));
                foreach (var (_, partition, key) in all.Take(all.Count - keep))
                {
                    partition.RemoveAccessToken(key);
                }
            }

            size.Reset(Math.Min(all.Count, keep));
        }
    }
}
