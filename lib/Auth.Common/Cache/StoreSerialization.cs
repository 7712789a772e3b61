namespace Auth.Common.Cache;

/// <summary>
/// Reads and writes a <see cref="TokenCacheStore"/> as MSAL unified cache JSON: the whole cache, or
/// one partition (what a plugin persists). A partition remembers the blob it was last read from or
/// written to, so a plugin handing back the same blob is neither parsed nor cleared. A local account
/// id's alias partition (<see cref="PartitionRule.ForLocalAccountAlias"/>) is not kept in memory: it is
/// written from the account entry in its home partition and read back into that partition.
/// </summary>
internal static class StoreSerialization
{
    /// <summary>Serializes every entry.</summary>
    public static string Serialize(this TokenCacheStore store) =>
        CacheSerializer.Write(store.Partitions, store.AppMetadata, store.UnknownSections);

    /// <summary>Serializes one partition's entries (and the app metadata).</summary>
    public static string SerializePartition(this TokenCacheStore store, string key)
    {
        if (PartitionRule.LocalAccountIdOf(key) is { } localAccountId)
        {
            return CacheSerializer.WriteAccounts(store.FindAccountByLocalId(localAccountId) is { } account ? [account] : []);
        }

        if (store.Find(key) is not { } partition)
        {
            return CacheSerializer.Write([], store.AppMetadata, unknownSections: null);
        }

        var version = partition.Version;
        var json = CacheSerializer.Write([partition], store.AppMetadata, unknownSections: null);
        partition.Blob.Remember(json, version);
        return json;
    }

    /// <summary>Replaces the whole cache with <paramref name="json"/>; on error the cache is unchanged.</summary>
    public static void Deserialize(this TokenCacheStore store, string json)
    {
        var document = CacheSerializer.Read(json);
        lock (store.DocumentLock)
        {
            store.Clear();
            store.UnknownSections = document.UnknownSections;
            CacheDocumentLoader.Load(store, document);
        }

        store.EvictOverLimit();
    }

    /// <summary>Replaces one partition's entries with those in <paramref name="json"/>; on error nothing changes.</summary>
    public static void DeserializePartition(this TokenCacheStore store, string key, string json)
    {
        if (PartitionRule.IsLocalAccountAlias(key))
        {
            CacheDocumentLoader.Load(store, CacheSerializer.Read(json));
            return;
        }

        if (store.Find(key) is { } current && current.Blob.Holds(json, current.Version))
        {
            return;
        }

        var document = CacheSerializer.Read(json);
        var partition = store.GetOrCreate(key);
        partition.Clear();
        CacheDocumentLoader.Load(store, document);
        partition.Blob.Remember(json, partition.Version);
        store.EvictOverLimit();
    }
}
