using System.Runtime.CompilerServices;
using Auth.Common.Cache;
using Auth.Extensions.Logging;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth.Extensions.Distributed;

/// <summary>
/// Persists the token cache in an <see cref="IDistributedCache"/> (Redis, SQL Server, …) so that
/// every instance of an app shares its tokens: one entry per cache partition, stored under
/// <c>{KeyPrefix}{ClientId}:{PartitionKey}</c>, loaded before each cache access and saved after each change.
/// </summary>
/// <remarks>
/// The store is a shared copy, never a dependency: when it fails or does not answer within
/// <see cref="DistributedTokenCacheOptions.OperationTimeout"/>, the plugin logs a warning and the
/// token call goes on with the in-memory cache and the identity provider; the store is then
/// skipped for <see cref="DistributedTokenCacheOptions.OutageCooldown"/>. An entry that does not
/// decrypt or parse is logged and ignored, never removed: the next save of that partition (after
/// the app fetched new tokens) replaces it. The client id in the storage key keeps that save from
/// touching another app's entries. A partition that could not be loaded because the store failed
/// is not saved in the same access, so a stale copy never overwrites newer tokens. Only
/// cancellation by the caller escapes, as <see cref="OperationCanceledException"/>. Without an
/// <see cref="DistributedTokenCacheOptions.EncryptionKey"/>, the first save of each plugin instance
/// logs a warning that tokens are stored unencrypted.
/// <para>
/// Memory is a first level in front of the store (<see cref="ITokenCacheMemoryLevel"/>): for
/// <see cref="DistributedTokenCacheOptions.MemoryCacheDuration"/> after a partition was loaded or
/// saved, a token found in memory is served with no store command at all. A miss reads the store
/// again before it saves, so it costs at most two reads and one write. A partition whose entry
/// was unreadable never counts as matching the store.
/// </para>
/// <para>
/// Log lines name user partitions by a hash (<c>user#</c> and 12 hex digits of the SHA-256 of
/// the partition key), never by the key, which may hold a user's <c>sub</c> or e-mail address.
/// </para>
/// </remarks>
public sealed class DistributedTokenCachePlugin : ITokenCachePlugin, ITokenCacheMemoryLevel
{
    private static readonly object NotLoaded = new();

    private readonly GuardedDistributedCache _cache;
    private readonly PartitionBlobs _blobs;
    private readonly string _keyPrefix;
    private readonly TimeSpan? _slidingExpiration;
    private readonly TimeSpan? _absoluteExpiration;
    private readonly ILogger _logger;
    private readonly ConditionalWeakTable<TokenCacheContext, object> _unloaded = [];
    private int _warnedUnencrypted;

    /// <summary>Creates the plugin.</summary>
    /// <param name="cache">The distributed cache that stores the partitions.</param>
    /// <param name="options">The options; default <see cref="DistributedTokenCacheOptions"/> (unencrypted). Read once, here.</param>
    /// <param name="loggerFactory">Where warnings about the store go; default none.</param>
    /// <param name="timeProvider">The clock of timeouts and cool-downs; default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public DistributedTokenCachePlugin(IDistributedCache cache, DistributedTokenCacheOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        options ??= new DistributedTokenCacheOptions();
        DistributedTokenCacheOptionsValidator.ThrowIfInvalid(options);
        timeProvider ??= TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DistributedTokenCachePlugin>();
        _blobs = new PartitionBlobs(options.EncryptionKey, _logger);
        _keyPrefix = options.KeyPrefix;
        _slidingExpiration = options.SlidingExpiration;
        _absoluteExpiration = options.AbsoluteExpirationRelativeToNow;
        MemoryLifetime = options.MemoryCacheDuration;
        MemoryPartitionLimit = options.MemoryCachePartitionLimit;
        var cooldown = new CooldownGate(options.OutageCooldown, timeProvider);
        _cache = new GuardedDistributedCache(cache, options.OperationTimeout, cooldown, timeProvider, _logger);
    }

    /// <inheritdoc />
    public TimeSpan MemoryLifetime { get; }

    /// <inheritdoc />
    public int MemoryPartitionLimit { get; }

    /// <inheritdoc />
    public async Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var label = PartitionLabel.Of(context.PartitionKey, context.IsApplicationCache);
        var storageKey = StorageKey.For(_keyPrefix, context.ClientId, context.PartitionKey);
        var (succeeded, blob) = await _cache.TryGetAsync(storageKey, label, cancellationToken).ConfigureAwait(false);
        if (!succeeded)
        {
            _unloaded.AddOrUpdate(context, NotLoaded);
            return;
        }

        _unloaded.Remove(context);
        if (blob is null)
        {
            Log.EntryMissing(_logger, label);
            context.MatchesStore = true;
            return;
        }

        // An unreadable entry is left as it is (never removed) and memory is not marked as matching it.
        context.MatchesStore = _blobs.TryLoad(context, storageKey, blob, label);
    }

    /// <inheritdoc />
    public async Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.CacheHasChanged)
        {
            return;
        }

        context.MatchesStore = false;
        var label = PartitionLabel.Of(context.PartitionKey, context.IsApplicationCache);
        if (_unloaded.TryGetValue(context, out _))
        {
            Log.SaveSkippedUnloaded(_logger, label);
            return;
        }

        var storageKey = StorageKey.For(_keyPrefix, context.ClientId, context.PartitionKey);
        var blob = _blobs.Save(context, storageKey);
        if (!_blobs.IsEncrypted && Volatile.Read(ref _warnedUnencrypted) == 0 && Interlocked.Exchange(ref _warnedUnencrypted, 1) == 0)
        {
            Log.StoringUnencrypted(_logger);
        }

        if (await _cache.TrySetAsync(storageKey, blob, EntryOptions(), label, cancellationToken).ConfigureAwait(false))
        {
            Log.EntrySaved(_logger, label, blob.Length);
            context.MatchesStore = true;
        }
    }

    private DistributedCacheEntryOptions EntryOptions() => new()
    {
        SlidingExpiration = _slidingExpiration,
        AbsoluteExpirationRelativeToNow = _absoluteExpiration,
    };
}
