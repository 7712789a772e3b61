using System.Collections.Concurrent;

namespace Auth.Common.Cache;

/// <summary>
/// The entries of one partition (an app's tenant, a user, or an OBO assertion). Readers use the
/// concurrent dictionaries without locking; writers take <see cref="WriteLock"/> and call
/// <see cref="MarkChanged"/>, which lets a plugin's unchanged blob be recognised and not re-parsed.
/// </summary>
internal sealed class CachePartition
{
    private readonly CacheSize _size;
    private long _version;
    private BlobSnapshot? _snapshot;

    public CachePartition(string key, CacheSize size)
    {
        Key = key;
        _size = size;
    }

    public string Key { get; }

    public Lock WriteLock { get; } = new();

    public ConcurrentDictionary<string, AccessTokenEntity> AccessTokens { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, RefreshTokenEntity> RefreshTokens { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, IdTokenEntity> IdTokens { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, AccountEntity> Accounts { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => AccessTokens.IsEmpty && RefreshTokens.IsEmpty && IdTokens.IsEmpty && Accounts.IsEmpty;

    /// <summary>Gets a number that changes whenever an entry is added, replaced or removed.</summary>
    public long Version => Volatile.Read(ref _version);

    /// <summary>Records that an entry changed.</summary>
    public void MarkChanged() => Interlocked.Increment(ref _version);

    /// <summary>Adds or replaces the access token under <paramref name="key"/> (hold <see cref="WriteLock"/>).</summary>
    public void SetAccessToken(string key, AccessTokenEntity token)
    {
        if (AccessTokens.TryAdd(key, token))
        {
            _size.Add(1);
        }
        else
        {
            AccessTokens[key] = token;
        }

        MarkChanged();
    }

    /// <summary>Removes the access token under <paramref name="key"/> (hold <see cref="WriteLock"/>).</summary>
    public bool RemoveAccessToken(string key)
    {
        if (!AccessTokens.TryRemove(key, out _))
        {
            return false;
        }

        _size.Add(-1);
        MarkChanged();
        return true;
    }

    /// <summary>
    /// Returns the access token stored under the key an entry with these fields has, trying each of the
    /// cloud's <paramref name="aliases"/> (entries may be written under any of them by us, MSAL.NET or
    /// msal-node); the key is built on the stack, so a hit creates no string. Null when none is there
    /// (or the key does not fit the buffer): the caller then scans.
    /// </summary>
    public AccessTokenEntity? FindAccessTokenByKey(string? homeAccountId, IReadOnlyList<string> aliases, string clientId, string realm, IReadOnlyList<string> scopes) =>
        FindByKey(AccessTokens, CacheKeys.AccessTokenType, homeAccountId, aliases, clientId, realm, scopes);

    /// <summary>Returns the ID token stored under the key an entry with these fields has, as <see cref="FindAccessTokenByKey"/> does.</summary>
    public IdTokenEntity? FindIdTokenByKey(string homeAccountId, IReadOnlyList<string> aliases, string clientId, string realm) =>
        FindByKey(IdTokens, CacheKeys.IdTokenType, homeAccountId, aliases, clientId, realm, []);

    /// <summary>Remembers that the entries are exactly what <paramref name="json"/> holds (just read or written).</summary>
    public void RememberBlob(string json, long version) => Volatile.Write(ref _snapshot, new BlobSnapshot(json, version));

    /// <summary>Returns whether <paramref name="json"/> is the blob the entries were last read from or written to, with no change since.</summary>
    public bool Holds(string json) =>
        Volatile.Read(ref _snapshot) is { } snapshot
        && snapshot.Version == Version
        && string.Equals(snapshot.Json, json, StringComparison.Ordinal);

    public void Clear()
    {
        _size.Add(-AccessTokens.Count);
        AccessTokens.Clear();
        RefreshTokens.Clear();
        IdTokens.Clear();
        Accounts.Clear();
        MarkChanged();
    }

    private static T? FindByKey<T>(
        ConcurrentDictionary<string, T> entries, string credentialType, string? homeAccountId, IReadOnlyList<string> aliases, string clientId, string realm, IReadOnlyList<string> scopes)
        where T : class
    {
        var lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        var key = new CacheKeyBuilder(stackalloc char[CacheKeyBuilder.StackSize]);
        for (var i = 0; i < aliases.Count; i++)
        {
            key.Clear();
            CacheKeys.WriteCredential(ref key, homeAccountId, aliases[i], credentialType, clientId, realm, scopes);
            if (!key.Overflowed && lookup.TryGetValue(key.Key, out var entry))
            {
                return entry;
            }
        }

        return null;
    }

    private sealed record BlobSnapshot(string Json, long Version);
}
