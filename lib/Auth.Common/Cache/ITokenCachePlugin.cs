namespace Auth.Common.Cache;

/// <summary>
/// Persists the token cache outside the process (a file, Redis, …). The library calls
/// <see cref="BeforeCacheAccessAsync"/> before it reads or writes a partition (load it here) and
/// <see cref="AfterCacheAccessAsync"/> afterwards (save it here when
/// <see cref="TokenCacheContext.CacheHasChanged"/>). Calls for the same partition never overlap.
/// </summary>
public interface ITokenCachePlugin
{
    /// <summary>Called before the cache partition is read or written.</summary>
    /// <param name="context">The partition and its serializer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the partition is loaded.</returns>
    Task BeforeCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken);

    /// <summary>Called after the cache partition was read or written.</summary>
    /// <param name="context">The partition, its serializer, and whether it changed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the partition is saved.</returns>
    Task AfterCacheAccessAsync(TokenCacheContext context, CancellationToken cancellationToken);
}
