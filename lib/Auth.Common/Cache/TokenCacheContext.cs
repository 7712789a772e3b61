namespace Auth.Common.Cache;

/// <summary>What a <see cref="ITokenCachePlugin"/> callback is told about a cache access.</summary>
public sealed class TokenCacheContext
{
    internal TokenCacheContext(ISerializableTokenCache tokenCache, string partitionKey, string clientId, bool isApplicationCache)
    {
        TokenCache = tokenCache;
        PartitionKey = partitionKey;
        ClientId = clientId;
        IsApplicationCache = isApplicationCache;
    }

    /// <summary>Gets the serializer of the partition being accessed.</summary>
    public ISerializableTokenCache TokenCache { get; }

    /// <summary>
    /// Gets the partition key: <c>{clientId}_{tenant}_AppTokenCache</c> for app tokens, the home
    /// account id for a user's tokens, the assertion hash for on-behalf-of tokens, and
    /// <c>local:{local_account_id}</c> for the alias that maps a local account id to its account
    /// (<see cref="PartitionRule.ForLocalAccountAlias"/>). Use it as the storage key so each partition
    /// is stored as one small blob.
    /// </summary>
    public string PartitionKey { get; }

    /// <summary>Gets the client id of the application accessing the cache.</summary>
    public string ClientId { get; }

    /// <summary>Gets whether the partition holds app-only tokens (client credentials).</summary>
    public bool IsApplicationCache { get; }

    /// <summary>Gets whether the access changed the partition (so the plugin should save it).</summary>
    public bool CacheHasChanged { get; internal set; }

    /// <summary>
    /// Gets or sets whether, after this callback, the partition in memory matches what the plugin's
    /// store holds: set it to true after loading the partition (or finding the store has none) and
    /// after saving it; leave or set it false when the store could not be read or written. It only
    /// matters to a plugin that implements <see cref="ITokenCacheMemoryLevel"/>: memory then serves
    /// reads of the partition for <see cref="ITokenCacheMemoryLevel.MemoryLifetime"/>.
    /// </summary>
    public bool MatchesStore { get; set; }
}
