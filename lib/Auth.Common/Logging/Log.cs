using Microsoft.Extensions.Logging;

namespace Auth.Common.Logging;

/// <summary>
/// Every log message of Auth.Common, source-generated with fixed event ids. No message takes a
/// token, secret, code, assertion or password, and none takes personal data.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Debug, "Fetched the OpenID configuration of {Authority}")]
    public static partial void MetadataFetched(ILogger logger, string authority);

    [LoggerMessage(1100, LogLevel.Debug, "Requesting a token from {TokenEndpoint} (correlation id {CorrelationId})")]
    public static partial void TokenRequestSending(ILogger logger, string tokenEndpoint, Guid correlationId);

    [LoggerMessage(1101, LogLevel.Warning, "The token request failed with {ErrorCode} (HTTP {StatusCode}, correlation id {CorrelationId})")]
    public static partial void TokenRequestFailed(ILogger logger, string errorCode, int statusCode, Guid correlationId);

    [LoggerMessage(1103, LogLevel.Debug, "The user has not finished the device-code sign-in yet ({Status}, correlation id {CorrelationId})")]
    public static partial void DeviceCodePending(ILogger logger, string status, Guid correlationId);

    [LoggerMessage(1102, LogLevel.Information, "Received a token for {Scopes} valid until {ExpiresOn:O} (correlation id {CorrelationId})")]
    public static partial void TokenReceived(ILogger logger, string scopes, DateTimeOffset expiresOn, Guid correlationId);

    [LoggerMessage(1104, LogLevel.Warning, "The regional endpoint in {Region} failed ({ErrorCode}); retrying at the global endpoint (correlation id {CorrelationId})")]
    public static partial void RegionalFallback(ILogger logger, string region, string errorCode, Guid correlationId);

    /// <summary>Logs a cache hit; the scopes are joined only when Debug is on.</summary>
    public static void CacheHit(ILogger logger, IReadOnlyList<string> scopes, Guid correlationId)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            CacheHit(logger, string.Join(' ', scopes), correlationId);
        }
    }

    [LoggerMessage(1200, LogLevel.Debug, "Served a token for {Scopes} from the cache (correlation id {CorrelationId})")]
    public static partial void CacheHit(ILogger logger, string scopes, Guid correlationId);

    [LoggerMessage(1201, LogLevel.Debug, "No usable cached token for {Scopes}: {Reason} (correlation id {CorrelationId})")]
    public static partial void CacheMiss(ILogger logger, string scopes, string reason, Guid correlationId);

    [LoggerMessage(1202, LogLevel.Warning, "Refreshing a token past its refresh_on failed with {ErrorCode}; the cached token is still valid and is returned (correlation id {CorrelationId})")]
    public static partial void ProactiveRefreshFailed(ILogger logger, string errorCode, Guid correlationId);

    [LoggerMessage(1203, LogLevel.Debug, "Cache partition {Partition} saved a token (changed: {Changed})")]
    public static partial void CacheWritten(ILogger logger, string partition, bool changed);

    [LoggerMessage(1300, LogLevel.Error, "The token cache plugin failed in {Stage} for partition {Partition}")]
    public static partial void CachePluginFailed(ILogger logger, Exception exception, string stage, string partition);
}
