using System.Runtime.CompilerServices;
using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Extensions.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth.Extensions.Persistence;

/// <summary>
/// Keeps an application's token cache in an <see cref="IPersistence"/> (usually an
/// <see cref="EncryptedFilePersistence"/>) shared by every process of the app. Before each cache
/// access it takes the cross-process lock and reloads the cache when the stored copy changed since
/// this instance last read or wrote it; after the access it saves, only when the cache changed,
/// the stored cache with the accessed partition merged in, then releases the lock. Local account id
/// aliases (<see cref="PartitionRule.ForLocalAccountAlias"/>) are never saved: the file is loaded
/// whole, so every account is known without them. A lock that
/// cannot be taken within <see cref="PersistentTokenCacheOptions.LockTimeout"/> fails the token
/// call with an <see cref="AuthClientException"/> of code
/// <see cref="PersistenceErrorCodes.CacheLockTimeout"/>.
/// </summary>
/// <remarks>Use one plugin per application instance: it remembers what it loaded into that app's cache.</remarks>
public sealed class PersistentTokenCachePlugin : ITokenCachePlugin
{
    private readonly IPersistence _persistence;
    private readonly CrossProcessLock _lock;
    private readonly ILogger _logger;
    private readonly ConditionalWeakTable<TokenCacheContext, LockLease> _held = [];
    private string? _loadedJson;

    /// <summary>Creates the plugin.</summary>
    /// <param name="persistence">Where the cache is stored.</param>
    /// <param name="options">The lock file and timeout.</param>
    /// <param name="loggerFactory">Where lock and file warnings go; default none.</param>
    /// <param name="timeProvider">The clock of the lock's backoff and timeout; default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">The lock file path is empty or the timeout is not positive.</exception>
    public PersistentTokenCachePlugin(IPersistence persistence, PersistentTokenCacheOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.LockFilePath, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.LockTimeout, TimeSpan.Zero, nameof(options));
        _persistence = persistence;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PersistentTokenCachePlugin>();
        _lock = new CrossProcessLock(options.LockFilePath, options.LockTimeout, timeProvider ?? TimeProvider.System, _logger);
    }

    /// <inheritdoc />
    public async Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lease = await _lock.AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var json = await _persistence.LoadAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(json, _loadedJson, StringComparison.Ordinal))
            {
                _loadedJson = Load(context, json);
            }

            _held.AddOrUpdate(context, lease);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_held.TryGetValue(context, out var lease))
        {
            return;
        }

        _held.Remove(context);
        using (lease)
        {
            // The file holds every partition, so it already maps local ids to accounts: an alias partition adds nothing.
            if (context.CacheHasChanged && !PartitionRule.IsLocalAccountAlias(context.PartitionKey))
            {
                var merged = PartitionMerger.Merge(_loadedJson, context.TokenCache.Serialize(), context.PartitionKey);
                await _persistence.SaveAsync(merged, cancellationToken).ConfigureAwait(false);
                _loadedJson = merged;
                Log.CacheSaved(_logger, merged.Length, PartitionLabel.Of(context.PartitionKey, context.IsApplicationCache));
            }
        }
    }

    private string? Load(TokenCacheContext context, string? json)
    {
        try
        {
            context.TokenCache.Deserialize(json ?? string.Empty);
            return json;
        }
        catch (AuthClientException ex)
        {
            Log.CacheJsonRejected(_logger, ex, PartitionLabel.Of(context.PartitionKey, context.IsApplicationCache));
            return null;
        }
    }
}
