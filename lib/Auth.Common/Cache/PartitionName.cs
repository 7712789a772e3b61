namespace Auth.Common.Cache;

/// <summary>
/// Names a cache partition without building the name until it is needed: an app partition's key
/// is composed from client id and tenant, which only a cache plugin has to see as a string.
/// </summary>
internal readonly struct PartitionName
{
    private readonly string? _key;
    private readonly string? _clientId;
    private readonly string? _realm;

    private PartitionName(string? key, string? clientId, string? realm)
    {
        _key = key;
        _clientId = clientId;
        _realm = realm;
    }

    /// <summary>The partition with the given key (a home account id or an assertion hash).</summary>
    public static PartitionName Of(string key) => new(key, null, null);

    /// <summary>The partition of an app's tokens in one tenant.</summary>
    public static PartitionName App(string clientId, string realm) => new(null, clientId, realm);

    public static implicit operator PartitionName(string key) => Of(key);

    /// <summary>Returns the partition key.</summary>
    public override string ToString() => _key ?? CacheKeys.AppPartition(_clientId, _realm);
}
