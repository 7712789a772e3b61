using System.Diagnostics.CodeAnalysis;

namespace Auth.Extensions.Distributed;

/// <summary>
/// Options of a <see cref="DistributedTokenCachePlugin"/>. Bindable from configuration (Options
/// pattern); checked when the plugin is created.
/// </summary>
public sealed class DistributedTokenCacheOptions
{
    /// <summary>
    /// Gets or sets the prefix of every storage key: a partition is stored under
    /// <c>{KeyPrefix}{ClientId}:{PartitionKey}</c> (a <c>%</c> or <c>:</c> in the client id is
    /// percent-escaped). Default <c>auth-tokens:</c>. The client id keeps apps with different client
    /// ids apart in one store; give each application its own prefix as well when several share a
    /// client id (or a store they must not read each other's entries from: then also give each its
    /// own <see cref="EncryptionKey"/>, or its own store).
    /// </summary>
    /// <remarks>
    /// Migration: before the client id was part of the storage key, partitions were stored under
    /// <c>{KeyPrefix}{PartitionKey}</c>. Those entries are no longer read or removed; they expire by
    /// their own sliding or absolute expiry (with neither, delete them by hand). After the upgrade the cache starts empty: app tokens
    /// are requested again, and users whose refresh token was only in the old entries sign in again.
    /// </remarks>
    public string KeyPrefix { get; set; } = "auth-tokens:";

    /// <summary>
    /// Gets or sets how long a stored partition may go unread before the store evicts it.
    /// Default 1 day: a partition in use (an app token fetched every hour, a user who comes back
    /// daily) stays, while partitions nobody reads any more (users who left, on-behalf-of
    /// partitions keyed by an expired incoming token) do not pile up. Null for no sliding expiry.
    /// Eviction only costs a new request to the identity provider (or a new sign-in for a user).
    /// </summary>
    public TimeSpan? SlidingExpiration { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Gets or sets how long after each write the store evicts a partition, whatever its use.
    /// Default null (no absolute limit; <see cref="SlidingExpiration"/> applies).
    /// </summary>
    public TimeSpan? AbsoluteExpirationRelativeToNow { get; set; }

    /// <summary>
    /// Gets or sets a 32-byte key that encrypts each stored partition with AES-256-GCM (a random
    /// nonce per write, the storage key as associated data, so a blob cannot be moved to another
    /// key). Keep it in a secret store, not beside the cache. Default null: partitions are stored
    /// as plain UTF-8 JSON, readable by anyone who can read the store, which must then be
    /// access-controlled like a secret, and each plugin instance logs a warning the first time it
    /// stores one. With a key, entries that do not decrypt (written with another key, unencrypted
    /// or tampered with) are logged and ignored, never removed; the next save of that partition
    /// (after new tokens were fetched) replaces them. When turning encryption on, change
    /// <see cref="KeyPrefix"/> too, so the old plaintext entries are never read again and expire.
    /// </summary>
    [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "Options are bound from configuration; the plugin copies the key when it is created.")]
    public byte[]? EncryptionKey { get; set; }

    /// <summary>
    /// Gets or sets how long one read, write or removal in the store may take before it is
    /// abandoned and treated as an outage. Default 5 seconds.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long the store is skipped after an outage (an exception or a timeout), so a
    /// dead store does not add <see cref="OperationTimeout"/> to every token call. Meanwhile tokens
    /// come from the in-memory cache or the identity provider and are not written to the store.
    /// Default 10 seconds; <see cref="TimeSpan.Zero"/> retries the store on every call.
    /// </summary>
    public TimeSpan OutageCooldown { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how long this instance serves a partition from memory, with no store command,
    /// after it loaded the partition from the store or saved it there. Default 1 minute: a cache hit
    /// then costs microseconds instead of a round trip, and a token written or removed by another
    /// instance is seen here at most this long after. Writes always go to the store.
    /// <see cref="TimeSpan.Zero"/> reads the store on every access.
    /// </summary>
    public TimeSpan MemoryCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how many partitions (one per tenant for app tokens, per user, per on-behalf-of
    /// caller) this instance keeps in memory at most; beyond it, those loaded longest ago are
    /// dropped from memory (the store keeps them). Default 10,000.
    /// </summary>
    public int MemoryCachePartitionLimit { get; set; } = 10_000;
}
