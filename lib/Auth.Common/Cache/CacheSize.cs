namespace Auth.Common.Cache;

/// <summary>
/// The number of access tokens held across every partition of one cache, kept by the partitions as
/// they add and remove entries, so a size bound can be checked without walking the cache.
/// </summary>
internal sealed class CacheSize
{
    private int _accessTokens;

    /// <summary>Gets the number of access tokens.</summary>
    public int AccessTokens => Volatile.Read(ref _accessTokens);

    /// <summary>Adjusts the count by <paramref name="delta"/>.</summary>
    public void Add(int delta) => Interlocked.Add(ref _accessTokens, delta);

    /// <summary>Sets the count after a full walk found <paramref name="accessTokens"/>.</summary>
    public void Reset(int accessTokens) => Volatile.Write(ref _accessTokens, accessTokens);
}
