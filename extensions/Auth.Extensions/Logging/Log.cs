using Microsoft.Extensions.Logging;

namespace Auth.Extensions.Logging;

/// <summary>
/// Every log message of Auth.Extensions, source-generated with fixed event ids (3100–3119: the
/// distributed token cache; 3120–3139: the persisted file cache). No message takes a token, the cache content, or an encryption key;
/// partitions are named by <see cref="PartitionLabel"/>: an app-token partition by its key (a client and tenant), any other
/// (a user's, which may hold their <c>sub</c> or e-mail address) by a hash of its key.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(3100, LogLevel.Warning, "The distributed token cache failed to {Operation} partition {Partition}; the token call goes on with the in-memory cache and the identity provider")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string operation, string partition);

    [LoggerMessage(3101, LogLevel.Warning, "The distributed token cache entry of partition {Partition} is ignored and left in place (the next save of the partition replaces it): {Reason}")]
    public static partial void EntryUnreadable(ILogger logger, string partition, string reason);

    [LoggerMessage(3102, LogLevel.Warning, "The distributed token cache is skipped for {Cooldown} after an outage")]
    public static partial void CooldownStarted(ILogger logger, TimeSpan cooldown);

    [LoggerMessage(3103, LogLevel.Debug, "Skipped the distributed token cache ({Operation} partition {Partition}): cooling down after an outage")]
    public static partial void SkippedCoolingDown(ILogger logger, string operation, string partition);

    [LoggerMessage(3104, LogLevel.Debug, "Loaded partition {Partition} from the distributed token cache ({Bytes} bytes)")]
    public static partial void EntryLoaded(ILogger logger, string partition, int bytes);

    [LoggerMessage(3105, LogLevel.Debug, "The distributed token cache has no entry for partition {Partition}")]
    public static partial void EntryMissing(ILogger logger, string partition);

    [LoggerMessage(3106, LogLevel.Debug, "Saved partition {Partition} to the distributed token cache ({Bytes} bytes)")]
    public static partial void EntrySaved(ILogger logger, string partition, int bytes);

    [LoggerMessage(3107, LogLevel.Debug, "Did not save partition {Partition}: it could not be loaded from the distributed token cache first, so saving could overwrite newer tokens")]
    public static partial void SaveSkippedUnloaded(ILogger logger, string partition);

    [LoggerMessage(3108, LogLevel.Warning, "The distributed token cache stores partitions unencrypted: anyone who can read the store can use the tokens in it. Set DistributedTokenCacheOptions.EncryptionKey, or restrict access to the store (ACLs, TLS) as you would for a secret")]
    public static partial void StoringUnencrypted(ILogger logger);

    [LoggerMessage(3120, LogLevel.Warning, "The token cache file {Path} is unreadable and was set aside as {SetAsideAs}; the cache starts empty: {Reason}")]
    public static partial void CacheFileUnreadable(ILogger logger, string path, string setAsideAs, string reason);

    [LoggerMessage(3121, LogLevel.Information, "Created a new token cache encryption key for {Path} in the key store")]
    public static partial void KeyCreated(ILogger logger, string path);

    [LoggerMessage(3122, LogLevel.Warning, "Took over the token cache lock {LockPath}: its owner, process {Pid}, is gone but the lock stayed held for {Held}")]
    public static partial void StaleLockRecovered(ILogger logger, string lockPath, int pid, TimeSpan held);

    [LoggerMessage(3123, LogLevel.Debug, "Took the token cache lock {LockPath} after {Attempts} attempts and {Waited}")]
    public static partial void LockTaken(ILogger logger, string lockPath, int attempts, TimeSpan waited);

    [LoggerMessage(3124, LogLevel.Warning, "Gave up on the token cache lock {LockPath} after {Attempts} attempts and {Waited}; it is held by {Owner}")]
    public static partial void LockTimedOut(ILogger logger, string lockPath, int attempts, TimeSpan waited, string owner);

    [LoggerMessage(3125, LogLevel.Warning, "The persisted token cache is not valid token cache JSON and was ignored (loading partition {Partition}); the next save replaces it")]
    public static partial void CacheJsonRejected(ILogger logger, Exception exception, string partition);

    [LoggerMessage(3126, LogLevel.Debug, "Saved the token cache ({Bytes} bytes) after partition {Partition} changed")]
    public static partial void CacheSaved(ILogger logger, int bytes, string partition);
}
