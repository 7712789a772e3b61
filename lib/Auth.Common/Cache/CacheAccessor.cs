using System.Collections.Concurrent;
using Auth.Common.Errors;
using Auth.Common.Logging;
using Microsoft.Extensions.Logging;

namespace Auth.Common.Cache;

/// <summary>
/// Runs a cache read or write, wrapped in the plugin's before/after callbacks when a plugin is
/// set. Accesses to one partition are serialized so the plugin never sees them overlap; other
/// partitions proceed in parallel. Without a plugin this adds nothing.
/// </summary>
internal sealed class CacheAccessor
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ITokenCachePlugin? _plugin;
    private readonly ILogger _logger;

    public CacheAccessor(TokenCacheStore store, ITokenCachePlugin? plugin, string clientId, ILogger logger)
    {
        Store = store;
        _plugin = plugin;
        ClientId = clientId;
        _logger = logger;
    }

    public TokenCacheStore Store { get; }

    public string ClientId { get; }

    /// <summary>Runs <paramref name="access"/> on <paramref name="partition"/>; it returns the result and whether it changed the cache.</summary>
    public async ValueTask<T> AccessAsync<T>(string partition, bool isApplicationCache, Func<TokenCacheStore, (T Result, bool Changed)> access, CancellationToken cancellationToken)
    {
        if (_plugin is null)
        {
            return access(Store).Result;
        }

        var gate = _gates.GetOrAdd(partition, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var context = new TokenCacheContext(new PartitionSerializer(Store, partition), partition, ClientId, isApplicationCache);
            await InvokeAsync(() => _plugin.BeforeCacheAccessAsync(context, cancellationToken), "BeforeCacheAccess", partition).ConfigureAwait(false);
            var (result, changed) = access(Store);
            context.CacheHasChanged = changed;
            await InvokeAsync(() => _plugin.AfterCacheAccessAsync(context, cancellationToken), "AfterCacheAccess", partition).ConfigureAwait(false);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task InvokeAsync(Func<Task> callback, string stage, string partition)
    {
        try
        {
            await callback().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not AuthException)
        {
            Log.CachePluginFailed(_logger, ex, stage, partition);
            throw new AuthClientException(
                AuthErrorCodes.CachePluginFailed,
                $"The token cache plugin failed in {stage}. The token operation did not complete; see the inner exception.",
                ex);
        }
    }
}
