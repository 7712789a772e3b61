using Microsoft.Extensions.Logging;

namespace Auth.Common.Logging;

/// <summary>
/// Every log message of Auth.Common, source-generated with fixed event ids. No message takes a
/// token, secret, code, assertion or password, and personal data (user name, account id, tenant) only when the app enabled PII logging.
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

    /// <summary>
    /// Logs a cache plugin failure. A user's or assertion's partition key is personal data (a home
    /// account id; in OIDC mode the <c>sub</c>, sometimes an e-mail), and a store's exception often
    /// names the key it failed on (Redis does): with PII logging off, such a failure logs neither the key
    /// nor the exception, only the exception's type. The thrown <c>cache_plugin_failed</c> keeps the
    /// plugin's exception as its inner exception for the app.
    /// </summary>
    public static void CachePluginFailed(ILogger logger, Exception exception, string stage, string partitionKey, bool isApplicationCache, bool piiLogging)
    {
        if (isApplicationCache || piiLogging)
        {
            CachePluginFailed(logger, exception, stage, partitionKey);
        }
        else
        {
            CachePluginFailedRedacted(logger, stage, exception.GetType().FullName ?? exception.GetType().Name);
        }
    }

    [LoggerMessage(1300, LogLevel.Error, "The token cache plugin failed in {Stage} for partition {Partition}")]
    private static partial void CachePluginFailed(ILogger logger, Exception exception, string stage, string partition);

    [LoggerMessage(1301, LogLevel.Error, "The token cache plugin failed in {Stage} for a user partition with {ExceptionType}; enable PII logging to see the partition and the exception")]
    private static partial void CachePluginFailedRedacted(ILogger logger, string stage, string exceptionType);

    /// <summary>
    /// Logs who signed in: with PII logging on, the user name, home account id and tenant; with it off,
    /// only that an account did. Never a token.
    /// </summary>
    public static void SignedIn(ILogger logger, bool piiLogging, string homeAccountId, string? username, string tenant, Guid correlationId)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        if (piiLogging)
        {
            SignedInWithPii(logger, username ?? "(no user name)", homeAccountId, tenant, correlationId);
        }
        else
        {
            SignedInRedacted(logger, correlationId);
        }
    }

    /// <summary>Logs which account a silent call served from the cache (PII only when allowed).</summary>
    public static void AccountServed(ILogger logger, bool piiLogging, string homeAccountId, string? username, string tenant, Guid correlationId)
    {
        if (piiLogging && logger.IsEnabled(LogLevel.Debug))
        {
            AccountServedWithPii(logger, username ?? "(no user name)", homeAccountId, tenant, correlationId);
        }
    }

    [LoggerMessage(1204, LogLevel.Information, "Tokens received for user {Username} (account {HomeAccountId}, tenant {TenantId}) (correlation id {CorrelationId})")]
    private static partial void SignedInWithPii(ILogger logger, string username, string homeAccountId, string tenantId, Guid correlationId);

    [LoggerMessage(1205, LogLevel.Information, "Tokens received for a user; enable PII logging to see who (correlation id {CorrelationId})")]
    private static partial void SignedInRedacted(ILogger logger, Guid correlationId);

    [LoggerMessage(1206, LogLevel.Debug, "Served user {Username} (account {HomeAccountId}, tenant {TenantId}) from the cache (correlation id {CorrelationId})")]
    private static partial void AccountServedWithPii(ILogger logger, string username, string homeAccountId, string tenantId, Guid correlationId);

    [LoggerMessage(1400, LogLevel.Debug, "Managed identity source {Source} at {Endpoint}")]
    public static partial void ManagedIdentitySourceDetected(ILogger logger, string source, string endpoint);

    [LoggerMessage(1401, LogLevel.Debug, "Managed identity token for {Resource} served from the cache (correlation id {CorrelationId})")]
    public static partial void ManagedIdentityCacheHit(ILogger logger, string resource, Guid correlationId);

    [LoggerMessage(1402, LogLevel.Information, "Managed identity token for {Resource} received from {Source}, expires {ExpiresOn:O} (correlation id {CorrelationId})")]
    public static partial void ManagedIdentityTokenReceived(ILogger logger, string resource, string source, DateTimeOffset expiresOn, Guid correlationId);

    [LoggerMessage(1403, LogLevel.Warning, "The {Source} managed identity endpoint answered HTTP {StatusCode}; retry {Retry} of {MaxRetries} in {Delay} (correlation id {CorrelationId})")]
    public static partial void ManagedIdentityRetry(ILogger logger, string source, int statusCode, int retry, int maxRetries, TimeSpan delay, Guid correlationId);

    [LoggerMessage(1404, LogLevel.Warning, "Refreshing the managed identity token for {Resource} failed with {ErrorCode}; the cached token, still valid, is returned (correlation id {CorrelationId})")]
    public static partial void ManagedIdentityRefreshFailed(ILogger logger, string resource, string errorCode, Guid correlationId);

    [LoggerMessage(1405, LogLevel.Warning, "The managed identity request to {Source} failed with {ErrorCode} (HTTP {StatusCode}, correlation id {CorrelationId})")]
    public static partial void ManagedIdentityFailed(ILogger logger, string source, string errorCode, int statusCode, Guid correlationId);
}
