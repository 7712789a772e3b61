using Microsoft.Extensions.Logging;

namespace Auth.Extensions.Logging;

/// <summary>
/// Every log message of Auth.Extensions, source-generated with fixed event ids (3100–3199: the
/// distributed token cache). No message takes a token, the cache content, or an encryption key;
/// partitions are named by their key (a client and tenant, a home account id, or a hash).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(3100, LogLevel.Warning, "The distributed token cache failed to {Operation} partition {Partition}; the token call goes on with the in-memory cache and the identity provider")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string operation, string partition);

    [LoggerMessage(3101, LogLevel.Warning, "The distributed token cache entry of partition {Partition} is ignored and removed: {Reason}")]
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
}
