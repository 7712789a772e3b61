using Auth.Common.Errors;
using Auth.Common.Logging;
using Auth.Common.Threading;
using Microsoft.Extensions.Logging;

namespace Auth.Common.Cache;

/// <summary>
/// Runs a cache read or write, wrapped in the plugin's before/after callbacks when a plugin is
/// set. Accesses to one partition are serialized so the plugin never sees them overlap; other
/// partitions proceed in parallel (the gates are a fixed set of stripes, so they do not grow with the number of partitions). Without a plugin this adds nothing.
/// </summary>
internal sealed class CacheAccessor
{
    private readonly StripedAsyncLock _gates = new(64);
    private readonly ITokenCachePlugin? _plugin;
    private readonly ILogger _logger;

    private readonly bool _piiLogging;

    public CacheAccessor(TokenCacheStore store, ITokenCachePlugin? plugin, string clientId, ILogger logger, bool piiLogging = false)
    {
        _piiLogging = piiLogging;
        Store = store;
        _plugin = plugin;
        ClientId = clientId;
        _logger = logger;
    }

    public TokenCacheStore Store { get; }

    public string ClientId { get; }

    /// <summary>Runs <paramref name="access"/> on <paramref name="partition"/>; it returns the result and whether it changed the cache.</summary>
    public ValueTask<T> AccessAsync<T>(PartitionName partition, bool isApplicationCache, Func<TokenCacheStore, (T Result, bool Changed)> access, CancellationToken cancellationToken) =>
        AccessAsync(partition, isApplicationCache, access, static (store, run) => run(store), cancellationToken);

    /// <summary>
    /// Runs <paramref name="access"/> with <paramref name="state"/> on <paramref name="partition"/>; it returns the
    /// result and whether it changed the cache. With a static lambda and no plugin this allocates nothing.
    /// </summary>
    public ValueTask<T> AccessAsync<TState, T>(PartitionName partition, bool isApplicationCache, TState state, Func<TokenCacheStore, TState, (T Result, bool Changed)> access, CancellationToken cancellationToken)
    {
        return _plugin is null
            ? new ValueTask<T>(access(Store, state).Result)
            : AccessWithPluginAsync(_plugin, partition.ToString(), isApplicationCache, state, access, cancellationToken);
    }

    private async ValueTask<T> AccessWithPluginAsync<TState, T>(ITokenCachePlugin plugin, string partition, bool isApplicationCache, TState state, Func<TokenCacheStore, TState, (T Result, bool Changed)> access, CancellationToken cancellationToken)
    {
        using (await _gates.EnterAsync(partition, cancellationToken).ConfigureAwait(false))
        {
            var context = new TokenCacheContext(new PartitionSerializer(Store, partition), partition, ClientId, isApplicationCache);
            await InvokeAsync(plugin, context, before: true, cancellationToken).ConfigureAwait(false);
            var (result, changed) = access(Store, state);
            context.CacheHasChanged = changed;
            await InvokeAsync(plugin, context, before: false, cancellationToken).ConfigureAwait(false);
            return result;
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
            Log.CachePluginFailed(_logger, ex, stage, Log.Partition(context.PartitionKey, context.IsApplicationCache, _piiLogging));
            throw new AuthClientException(
                AuthErrorCodes.CachePluginFailed,
                $"The token cache plugin failed in {stage}. The token operation did not complete; see the inner exception.",
                ex);
        }
    }
}
