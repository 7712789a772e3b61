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
    private Dictionary<string, JsonElement>? _unknownSections;

    /// <summary>Gets the partition with <paramref name="key"/>, or null.</summary>
    public CachePartition? Find(string key) => _partitions.TryGetValue(key, out var partition) ? partition : null;

    /// <summary>Gets or creates the partition with <paramref name="key"/>.</summary>
    public CachePartition GetOrCreate(string key) => _partitions.GetOrAdd(key, static k => new CachePartition(k));

    /// <summary>Gets every partition (a snapshot).</summary>
    public IEnumerable<CachePartition> Partitions => _partitions.Values;

    /// <summary>Gets the cached app metadata.</summary>
    public ICollection<AppMetadataEntity> AppMetadata => _appMetadata.Values;

    /// <summary>Adds or replaces app metadata.</summary>
    public void SetAppMetadata(AppMetadataEntity metadata) => _appMetadata[metadata.Key()] = metadata;

    /// <summary>Serializes every entry.</summary>
    public string Serialize() => CacheSerializer.Write(_partitions.Values, _appMetadata.Values, _unknownSections);

    /// <summary>Serializes one partition's entries (and the app metadata).</summary>
    public string SerializePartition(string key) =>
        CacheSerializer.Write(Find(key) is { } p ? [p] : [], _appMetadata.Values, unknownSections: null);

    /// <summary>Replaces the whole cache with <paramref name="json"/>; on error the cache is unchanged.</summary>
    public void Deserialize(string json)
    {
        var document = CacheSerializer.Read(json);
        lock (_documentLock)
        {
            _partitions.Clear();
            _appMetadata.Clear();
            _unknownSections = document.UnknownSections;
            Load(document);
        }
    }

    /// <summary>Replaces one partition's entries with those in <paramref name="json"/>; on error nothing changes.</summary>
    public void DeserializePartition(string key, string json)
    {
        var document = CacheSerializer.Read(json);
        var partition = GetOrCreate(key);
        lock (partition.WriteLock)
        {
            partition.Clear();
        }

        Load(document);
    }

    private void Load(CacheDocument document)
    {
        foreach (var at in Complete(document.AccessTokens, e => e.IsComplete()))
        {
            at.HomeAccountId ??= string.Empty;
            at.Realm ??= string.Empty;
            Add(at, GetOrCreate(at.Partition()).AccessTokens, at.Key());
        }

        foreach (var rt in Complete(document.RefreshTokens, e => e.IsComplete()))
        {
            Add(rt, GetOrCreate(rt.Partition()).RefreshTokens, rt.Key());
        }

        foreach (var id in Complete(document.IdTokens, e => e.IsComplete()))
        {
            Add(id, GetOrCreate(id.Partition()).IdTokens, id.Key());
        }

        foreach (var account in Complete(document.Accounts, e => e.IsComplete()))
        {
            Add(account, GetOrCreate(account.HomeAccountId!).Accounts, account.Key());
        }

        foreach (var metadata in Complete(document.AppMetadata, e => e.IsComplete()))
        {
            _appMetadata[metadata.Key()] = metadata;
        }
    }

    private static IEnumerable<T> Complete<T>(Dictionary<string, T>? section, Func<T, bool> isComplete) =>
        section is null ? [] : section.Values.Where(e => e is not null && isComplete(e));

    private static void Add<T>(T entity, ConcurrentDictionary<string, T> target, string key) => target[key] = entity;
}
