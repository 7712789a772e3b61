using System.Collections.Concurrent;

namespace Auth.Common.Cache;

/// <summary>
/// The entries of one partition (an app's tenant, a user, or an OBO assertion). Readers use the
/// concurrent dictionaries without locking; writers take <see cref="WriteLock"/>.
/// </summary>
internal sealed class CachePartition
{
    public CachePartition(string key) => Key = key;

    public string Key { get; }

    public Lock WriteLock { get; } = new();

    public ConcurrentDictionary<string, AccessTokenEntity> AccessTokens { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, RefreshTokenEntity> RefreshTokens { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, IdTokenEntity> IdTokens { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, AccountEntity> Accounts { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => AccessTokens.IsEmpty && RefreshTokens.IsEmpty && IdTokens.IsEmpty && Accounts.IsEmpty;

    public void Clear()
    {
        AccessTokens.Clear();
        RefreshTokens.Clear();
        IdTokens.Clear();
        Accounts.Clear();
    }
}
