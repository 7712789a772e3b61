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

    /// <summary>Gets the access token stored under <paramref name="key"/> without creating a string.</summary>
    public bool TryGetAccessToken(ReadOnlySpan<char> key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AccessTokenEntity? token) =>
        AccessTokens.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out token);

    /// <summary>Gets the ID token stored under <paramref name="key"/> without creating a string.</summary>
    public bool TryGetIdToken(ReadOnlySpan<char> key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IdTokenEntity? token) =>
        IdTokens.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out token);

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

    private sealed record BlobSnapshot(string Json, long Version);
}
