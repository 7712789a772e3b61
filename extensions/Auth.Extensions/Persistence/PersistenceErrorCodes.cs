namespace Auth.Extensions.Persistence;

/// <summary>
/// Stable codes of the <see cref="Auth.Common.Errors.AuthClientException"/>s and
/// <see cref="PersistenceVerification"/>s of the persisted token cache, each with its mitigation.
/// </summary>
public static class PersistenceErrorCodes
{
    /// <summary>
    /// The cache lock file stayed held by another process for the whole lock timeout. Another
    /// instance of the app is stuck inside a cache access; raise
    /// <see cref="PersistentTokenCacheOptions.LockTimeout"/> or end that process.
    /// </summary>
    public const string CacheLockTimeout = "cache_lock_timeout";

    /// <summary>
    /// The key store's native library is not installed (libsecret-1 on Linux). Install it
    /// (<c>apt install libsecret-1-0</c>) or use another key store.
    /// </summary>
    public const string KeyStoreMissing = "key_store_missing";

    /// <summary>
    /// The OS secret service cannot be reached (no D-Bus session bus, no Secret Service provider
    /// such as gnome-keyring, an SSH or container session). Start one, or fall back knowingly.
    /// </summary>
    public const string KeyStoreUnavailable = "key_store_unavailable";

    /// <summary>The keyring is locked and unlocking needs the user; unlock it (log in to the desktop session).</summary>
    public const string KeyStoreLocked = "key_store_locked";

    /// <summary>The key store answered with an error; the message has the OS's words.</summary>
    public const string KeyStoreFailed = "key_store_failed";

    /// <summary>
    /// A probe written to the store read back different or not at all, or the cache directory is
    /// not writable; check the directory's permissions and free space.
    /// </summary>
    public const string PersistenceUnusable = "persistence_unusable";

    /// <summary>
    /// On Unix, the directory of the cache or lock file can be written by users other than its
    /// owner (group or other write permission without the sticky bit), or a lock file is a symbolic
    /// link. Such a user could swap the cache file or redirect the lock files to another file.
    /// Remove the write permission (<c>chmod go-w</c>) or move the cache to a directory only this
    /// user can write; remove the link.
    /// </summary>
    public const string CachePathUnsafe = "cache_path_unsafe";
}
