namespace Auth.Common.Cache;

/// <summary>The <see cref="ISerializableTokenCache"/> a plugin sees: one partition of the store.</summary>
internal sealed class PartitionSerializer : ISerializableTokenCache
{
    private readonly TokenCacheStore _store;
    private readonly string _partition;

    public PartitionSerializer(TokenCacheStore store, string partition)
    {
        _store = store;
        _partition = partition;
    }

    public string Serialize() => _store.SerializePartition(_partition);

    public void Deserialize(string json) => _store.DeserializePartition(_partition, json);
}
