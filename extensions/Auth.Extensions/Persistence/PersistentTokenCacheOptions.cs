namespace Auth.Extensions.Persistence;

/// <summary>Options of a <see cref="PersistentTokenCachePlugin"/>.</summary>
public sealed class PersistentTokenCacheOptions
{
    /// <summary>
    /// Gets or sets the lock file that serializes cache accesses across processes; by convention
    /// <c>{cache file}.lock</c>, beside the cache. Every process sharing the cache must use the same.
    /// </summary>
    public required string LockFilePath { get; set; }

    /// <summary>
    /// Gets or sets how long one cache access may wait for the lock (the queue of this process's
    /// threads and other processes together) before it fails with
    /// <see cref="PersistenceErrorCodes.CacheLockTimeout"/>. Default 30 seconds.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
