using Auth.Common.Errors;
using Auth.Common.Logging;
using Auth.Common.Threading;
using Microsoft.Extensions.Logging;

namespace Auth.Common.Cache;

/// <summary>
/// Runs a cache read or write, wrapped in the plugin's before/after callbacks when a plugin is
/// set. Accesses to one partition are serialized so the plugin never sees them overlap; other
/// partitions proceed in parallel (the gates are a fixed set of stripes, so they do not grow with the number of partitions). Without a plugin this adds nothing.
/// When the plugin implements <see cref="ITokenCacheMemoryLevel"/>, a read of a partition that matched the store
/// less than its lifetime ago skips the plugin (see <see cref="MemoryLevel"/>); writes always go through it.
/// </summary>
internal sealed class CacheAccessor
{
    private readonly StripedAsyncLock _gates = new(64);
    private readonly ITokenCachePlugin? _plugin;
    private readonly ILogger _logger;

    private readonly bool _piiLogging;
    private readonly MemoryLevel? _memory;

    public CacheAccessor(TokenCacheStore store, ITokenCachePlugin? plugin, string clientId, ILogger logger, bool piiLogging = false, TimeProvider? time = null)
    {
        _piiLogging = piiLogging;
        _memory = MemoryLevel.For(plugin, time ?? TimeProvider.System);
        Store = store;
        _plugin = plugin;
        ClientId = clientId;
        _logger = logger;
    }

    public TokenCacheStore Store { get; }

    public string ClientId { get; }

    /// <summary>Gets the memory level in front of the plugin's store, if the plugin asked for one.</summary>
    internal MemoryLevel? Memory => _memory;

    /// <summary>Runs <paramref name="access"/> on <paramref name="partition"/>; it returns the result and whether it changed the cache.</summary>
    public ValueTask<T> AccessAsync<T>(PartitionName partition, bool isApplicationCache, Func<TokenCacheStore, (T Result, bool Changed)> access, CancellationToken cancellationToken) =>
        AccessAsync(partition, isApplicationCache, access, static (store, run) => run(store), cancellationToken);

    /// <summary>
    /// Runs the read <paramref name="access"/> with <paramref name="state"/> on <paramref name="partition"/>: like
    /// <see cref="AccessAsync{TState, T}"/>, but served from memory without the plugin when its memory level holds the
    /// partition as the store had it. Only for accesses that normally change nothing.
    /// </summary>
    public ValueTask<T> ReadAsync<TState, T>(PartitionName partition, bool isApplicationCache, TState state, Func<TokenCacheStore, TState, (T Result, bool Changed)> access, CancellationToken cancellationToken)
    {
        return _plugin is null
            ? new ValueTask<T>(access(Store, state).Result)
            : AccessWithPluginAsync(_plugin, partition.ToString(), isApplicationCache, fromMemory: true, state, access, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="access"/> with <paramref name="state"/> on <paramref name="partition"/>; it returns the
    /// result and whether it changed the cache. With a static lambda and no plugin this allocates nothing.
    /// </summary>
    public ValueTask<T> AccessAsync<TState, T>(PartitionName partition, bool isApplicationCache, TState state, Func<TokenCacheStore, TState, (T Result, bool Changed)> access, CancellationToken cancellationToken)
    {
        return _plugin is null
            ? new ValueTask<T>(access(Store, state).Result)
            : AccessWithPluginAsync(_plugin, partition.ToString(), isApplicationCache, fromMemory: false, state, access, cancellationToken);
    }

    private async ValueTask<T> AccessWithPluginAsync<TState, T>(ITokenCachePlugin plugin, string partition, bool isApplicationCache, bool fromMemory, TState state, Func<TokenCacheStore, TState, (T Result, bool Changed)> access, CancellationToken cancellationToken)
    {
        using (await _gates.EnterAsync(partition, cancellationToken).ConfigureAwait(false))
        {
            TokenCacheContext context;
            T result;
            if (fromMemory && _memory is { } memory && memory.Serves(partition, Store))
            {
                (result, var changedInMemory) = access(Store, state);
                if (!changedInMemory)
                {
                    return result;
                }

                context = NewContext(partition, isApplicationCache);
                context.CacheHasChanged = true;
            }
            else
            {
                context = NewContext(partition, isApplicationCache);
                await InvokeAsync(plugin, context, before: true, cancellationToken).ConfigureAwait(false);
                (result, var changed) = access(Store, state);
                context.CacheHasChanged = changed;
            }

            await InvokeAsync(plugin, context, before: false, cancellationToken).ConfigureAwait(false);
            RecordSync(partition, context.MatchesStore);
            return result;
        }
    }

    private TokenCacheContext NewContext(string partition, bool isApplicationCache) =>
        new(new PartitionSerializer(Store, partition), partition, ClientId, isApplicationCache);

    /// <summary>Tells the memory level whether <paramref name="partition"/> matches the store, and drops what it no longer keeps.</summary>
    private void RecordSync(string partition, bool matchesStore)
    {
        if (_memory is not { } memory)
        {
            return;
        }

        if (!matchesStore)
        {
            memory.Forget(partition);
            return;
        }

        memory.Synced(partition, Store);
        foreach (var victim in memory.Surplus(inUse: partition))
        {
            if (_gates.TryEnter(victim, out var releaser))
            {
                using (releaser)
                {
                    memory.Forget(victim);
                    Store.Drop(victim);
                }
            }
        }
    }

    private async ValueTask InvokeAsync(ITokenCachePlugin plugin, TokenCacheContext context, bool before, CancellationToken cancellationToken)
    {
        var stage = before ? "BeforeCacheAccess" : "AfterCacheAccess";
        try
        {
            await (before ? plugin.BeforeCacheAccessAsync(context, cancellationToken) : plugin.AfterCacheAccessAsync(context, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not AuthException)
        {
            Log.CachePluginFailed(_logger, ex, stage, context.PartitionKey, context.IsApplicationCache, _piiLogging);
            throw new AuthClientException(
                AuthErrorCodes.CachePluginFailed,
                $"The token cache plugin failed in {stage}. The token operation did not complete; see the inner exception.",
                ex);
        }
    }
}
