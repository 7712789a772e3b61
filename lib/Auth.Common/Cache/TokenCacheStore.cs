using System.Collections.Concurrent;
using System.Text.Json;

namespace Auth.Common.Cache;

/// <summary>
/// The in-memory token cache, split into partitions so that a lookup touches only the
/// entries of one app tenant, user or OBO assertion, whatever the total size.
/// </summary>
internal sealed class TokenCacheStore
{
    private readonly ConcurrentDictionary<string, CachePartition> _partitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AppMetadataEntity> _appMetadata = new(StringComparer.Ordinal);
    private readonly Lock _documentLock = new();
    private readonly Lock _evictionLock = new();
    private readonly CacheSize _size = new();
    private Dictionary<string, JsonElement>? _unknownSections;

    /// <summary>Creates an empty cache holding at most <paramref name="maxAccessTokens"/> access tokens (null: no bound).</summary>
    public TokenCacheStore(int? maxAccessTokens = null)
    {
        if (maxAccessTokens is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAccessTokens), maxAccessTokens, "The bound must be at least 1.");
        }

        MaxAccessTokens = maxAccessTokens;
    }

    /// <summary>Gets the most access tokens held at once; null when unbounded.</summary>
    public int? MaxAccessTokens { get; }

    /// <summary>Gets the number of access tokens held.</summary>
    public int AccessTokenCount => _size.AccessTokens;

    /// <summary>Gets the partition with <paramref name="key"/>, or null.</summary>
    public CachePartition? Find(string key) => _partitions.TryGetValue(key, out var partition) ? partition : null;

    /// <summary>Gets the partition with <paramref name="key"/>, or null, without creating a string.</summary>
    public CachePartition? Find(ReadOnlySpan<char> key) =>
        _partitions.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var partition) ? partition : null;

    /// <summary>Gets or creates the partition with <paramref name="key"/>.</summary>
    public CachePartition GetOrCreate(string key) => _partitions.GetOrAdd(key, static (k, size) => new CachePartition(k, size), _size);

    /// <summary>Gets every partition (a snapshot).</summary>
    public IEnumerable<CachePartition> Partitions => _partitions.Values;

    /// <summary>Gets the cached app metadata.</summary>
    public ICollection<AppMetadataEntity> AppMetadata => _appMetadata.Values;

    /// <summary>Adds or replaces app metadata.</summary>
    public void SetAppMetadata(AppMetadataEntity metadata) => _appMetadata[metadata.Key()] = metadata;

    /// <summary>Serializes every entry.</summary>
    public string Serialize() => CacheSerializer.Write(_partitions.Values, _appMetadata.Values, _unknownSections);

    /// <summary>Serializes one partition's entries (and the app metadata).</summary>
    public string SerializePartition(string key)
    {
        if (Find(key) is not { } partition)
        {
            return CacheSerializer.Write([], _appMetadata.Values, unknownSections: null);
        }

        var version = partition.Version;
        var json = CacheSerializer.Write([partition], _appMetadata.Values, unknownSections: null);
        partition.RememberBlob(json, version);
        return json;
    }

    /// <summary>Replaces the whole cache with <paramref name="json"/>; on error the cache is unchanged.</summary>
    public void Deserialize(string json)
    {
        var document = CacheSerializer.Read(json);
        lock (_documentLock)
        {
            _partitions.Clear();
            _appMetadata.Clear();
            _size.Reset(0);
            _unknownSections = document.UnknownSections;
            Load(document);
        }

        EvictOverLimit();
    }

    /// <summary>
    /// Replaces one partition's entries with those in <paramref name="json"/>; on error nothing
    /// changes. The blob the partition was last read from or written to, unchanged since, is not
    /// parsed again.
    /// </summary>
    public void DeserializePartition(string key, string json)
    {
        if (Find(key) is { } current && current.Holds(json))
        {
            return;
        }

        var document = CacheSerializer.Read(json);
        var partition = GetOrCreate(key);
        lock (partition.WriteLock)
        {
            partition.Clear();
        }

        Load(document);
        partition.RememberBlob(json, partition.Version);
        EvictOverLimit();
    }

    /// <summary>
    /// When more access tokens are held than <see cref="MaxAccessTokens"/>, removes the soonest-expiring
    /// (expired ones first) down to 90% of the bound, so the walk this takes is paid once per many writes.
    /// </summary>
    public void EvictOverLimit()
    {
        if (MaxAccessTokens is not { } max || _size.AccessTokens <= max)
        {
            return;
        }

        lock (_evictionLock)
        {
            var all = new List<(long ExpiresOn, CachePartition Partition, string Key)>();
            foreach (var (_, partition) in _partitions)
            {
                foreach (var (key, token) in partition.AccessTokens)
                {
                    all.Add((token.ExpiresOn ?? long.MinValue, partition, key));
                }
            }

            var keep = max - (max / 10);
            if (all.Count > keep)
            {
                all.Sort(static (a, b) => a.ExpiresOn.CompareTo(b.ExpiresOn));
                foreach (var (_, partition, key) in all.Take(all.Count - keep))
                {
                    lock (partition.WriteLock)
                    {
                        partition.RemoveAccessToken(key);
                    }
                }
            }

            _size.Reset(Math.Min(all.Count, keep));
        }
    }

    private void Load(CacheDocument document)
    {
        foreach (var at in Complete(document.AccessTokens, e => e.IsComplete()))
        {
            at.HomeAccountId ??= string.Empty;
            at.Realm ??= string.Empty;
            var partition = GetOrCreate(at.Partition());
            lock (partition.WriteLock)
            {
                partition.SetAccessToken(at.Key(), at);
            }
        }

        foreach (var rt in Complete(document.RefreshTokens, e => e.IsComplete()))
        {
            var partition = GetOrCreate(rt.Partition());
            Add(partition, partition.RefreshTokens, rt, rt.Key());
        }

        foreach (var id in Complete(document.IdTokens, e => e.IsComplete()))
        {
            var partition = GetOrCreate(id.Partition());
            Add(partition, partition.IdTokens, id, id.Key());
        }

        foreach (var account in Complete(document.Accounts, e => e.IsComplete()))
        {
            var partition = GetOrCreate(account.HomeAccountId!);
            Add(partition, partition.Accounts, account, account.Key());
        }

        foreach (var metadata in Complete(document.AppMetadata, e => e.IsComplete()))
        {
            _appMetadata[metadata.Key()] = metadata;
        }
    }

    private static IEnumerable<T> Complete<T>(Dictionary<string, T>? section, Func<T, bool> isComplete) =>
        section is null ? [] : section.Values.Where(e => e is not null && isComplete(e));

    private static void Add<T>(CachePartition partition, ConcurrentDictionary<string, T> target, T entity, string key)
    {
        target[key] = entity;
        partition.MarkChanged();
    }
}
