using System.Collections.Concurrent;

namespace Auth.Common.Cache;

/// <summary>
/// The entries of one partition (an app's tenant, a user, or an OBO assertion), behind operations.
/// Reads are lock-free; writes take the partition's lock and bump <see cref="Version"/>, which lets
/// a plugin's unchanged blob be recognised and not re-parsed. The size counter of the whole cache is
/// kept here, so nothing outside can add or remove an access token without it.
/// </summary>
internal sealed class CachePartition
{
    private readonly ConcurrentDictionary<string, AccessTokenEntity> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RefreshTokenEntity> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IdTokenEntity> _idTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AccountEntity> _accounts = new(StringComparer.Ordinal);
    private readonly Lock _writeLock = new();
    private readonly CacheSize _size;
    private long _version;

    public CachePartition(string key, CacheSize size)
    {
        Key = key;
        _size = size;
    }

    public string Key { get; }

    /// <summary>Gets the blob this partition was last read from or written to (see <see cref="BlobMemo"/>).</summary>
    public BlobMemo Blob { get; } = new();

    /// <summary>Gets a snapshot of the access tokens (not for hot paths: it takes every lock).</summary>
    public IReadOnlyCollection<AccessTokenEntity> AccessTokens => (IReadOnlyCollection<AccessTokenEntity>)_accessTokens.Values;

    /// <summary>Gets a snapshot of the keys the access tokens are stored under.</summary>
    public IReadOnlyCollection<string> AccessTokenKeys => (IReadOnlyCollection<string>)_accessTokens.Keys;

    /// <summary>Gets a snapshot of the refresh tokens.</summary>
    public IReadOnlyCollection<RefreshTokenEntity> RefreshTokens => (IReadOnlyCollection<RefreshTokenEntity>)_refreshTokens.Values;

    /// <summary>Gets a snapshot of the ID tokens.</summary>
    public IReadOnlyCollection<IdTokenEntity> IdTokens => (IReadOnlyCollection<IdTokenEntity>)_idTokens.Values;

    /// <summary>Gets a snapshot of the accounts.</summary>
    public IReadOnlyCollection<AccountEntity> Accounts => (IReadOnlyCollection<AccountEntity>)_accounts.Values;

    public bool IsEmpty => !HasCredentials && _accounts.IsEmpty;

    /// <summary>Gets whether the partition holds a token of any kind (an account entry alone may be a copy from an alias partition).</summary>
    public bool HasCredentials => !_accessTokens.IsEmpty || !_refreshTokens.IsEmpty || !_idTokens.IsEmpty;

    /// <summary>Gets a number that changes whenever an entry is added, replaced or removed.</summary>
    public long Version => Volatile.Read(ref _version);

    /// <summary>
    /// Returns the access token stored under the key an entry with these fields has, trying each of the
    /// cloud's <paramref name="aliases"/> (entries may be written under any of them by us, MSAL.NET or
    /// msal-node); the key is built on the stack, so a hit creates no string. Null when none is there
    /// (or the key does not fit the buffer): the caller then scans.
    /// </summary>
    public AccessTokenEntity? FindAccessTokenByKey(string? homeAccountId, IReadOnlyList<string> aliases, string clientId, string realm, IReadOnlyList<string> scopes, string? queryKey = null, string? issuer = null) =>
        EntryDictionaries.FindByKey(
            _accessTokens, queryKey is null ? CacheKeys.AccessTokenType : CacheKeys.AccessTokenExtendedType, homeAccountId, aliases, clientId, realm, scopes, queryKey, issuer);

    /// <summary>Returns the ID token stored under the key an entry with these fields has, as <see cref="FindAccessTokenByKey"/> does.</summary>
    public IdTokenEntity? FindIdTokenByKey(string homeAccountId, IReadOnlyList<string> aliases, string clientId, string realm) =>
        EntryDictionaries.FindByKey(_idTokens, CacheKeys.IdTokenType, homeAccountId, aliases, clientId, realm, []);

    /// <summary>Returns the first access token <paramref name="match"/> accepts (a lock-free scan; with a static lambda it allocates nothing).</summary>
    public AccessTokenEntity? FindAccessToken<TState>(TState state, Func<AccessTokenEntity, TState, bool> match) => EntryDictionaries.First(_accessTokens, state, match);

    /// <summary>Returns the first refresh token <paramref name="match"/> accepts.</summary>
    public RefreshTokenEntity? FindRefreshToken<TState>(TState state, Func<RefreshTokenEntity, TState, bool> match) => EntryDictionaries.First(_refreshTokens, state, match);

    /// <summary>Returns the first ID token <paramref name="match"/> accepts.</summary>
    public IdTokenEntity? FindIdToken<TState>(TState state, Func<IdTokenEntity, TState, bool> match) => EntryDictionaries.First(_idTokens, state, match);

    /// <summary>Returns the account entry for <paramref name="realm"/>, else any entry, else null.</summary>
    public AccountEntity? FindAccount(string? realm)
    {
        AccountEntity? any = null;
        foreach (var (_, account) in _accounts)
        {
            if (string.Equals(account.Realm, realm, StringComparison.OrdinalIgnoreCase))
            {
                return account;
            }

            any ??= account;
        }

        return any;
    }

    /// <summary>Returns the account entry with <paramref name="localAccountId"/> (compared case-insensitively), or null.</summary>
    public AccountEntity? FindAccountByLocalId(string localAccountId)
    {
        foreach (var (_, account) in _accounts)
        {
            if (string.Equals(account.LocalAccountId, localAccountId, StringComparison.OrdinalIgnoreCase))
            {
                return account;
            }
        }

        return null;
    }

    /// <summary>Returns whether an account entry is stored under <paramref name="key"/>.</summary>
    public bool HasAccount(string key) => _accounts.ContainsKey(key);

    /// <summary>
    /// Saves <paramref name="token"/>, removing the tokens it supersedes (<paramref name="replaces"/>)
    /// and those expired as of <paramref name="now"/> (Unix seconds).
    /// </summary>
    public void SaveAccessToken(AccessTokenEntity token, long now, Func<AccessTokenEntity, AccessTokenEntity, bool> replaces)
    {
        var key = token.Key();
        lock (_writeLock)
        {
            foreach (var (otherKey, other) in _accessTokens)
            {
                if (otherKey != key && (other.ExpiresOn <= now || replaces(token, other)))
                {
                    RemoveAccessTokenLocked(otherKey);
                }
            }

            SetAccessTokenLocked(key, token);
        }
    }

    /// <summary>Saves a user's account, ID token and refresh token (each may be null), replacing entries with the same keys.</summary>
    public void SaveUserEntries(AccountEntity? account, IdTokenEntity? idToken, RefreshTokenEntity? refreshToken)
    {
        lock (_writeLock)
        {
            if (account is not null)
            {
                _accounts[account.Key()] = account;
            }

            if (idToken is not null)
            {
                _idTokens[idToken.Key()] = idToken;
            }

            if (refreshToken is not null)
            {
                _refreshTokens[refreshToken.Key()] = refreshToken;
            }

            MarkChanged();
        }
    }

    /// <summary>Adds entries read from a cache document (no replacement rules: the document is the truth).</summary>
    public void Load(IEnumerable<AccessTokenEntity> accessTokens, IEnumerable<RefreshTokenEntity> refreshTokens, IEnumerable<IdTokenEntity> idTokens, IEnumerable<AccountEntity> accounts)
    {
        lock (_writeLock)
        {
            foreach (var token in accessTokens)
            {
                SetAccessTokenLocked(token.Key(), token);
            }

            foreach (var token in refreshTokens)
            {
                _refreshTokens[token.Key()] = token;
            }

            foreach (var token in idTokens)
            {
                _idTokens[token.Key()] = token;
            }

            foreach (var account in accounts)
            {
                _accounts[account.Key()] = account;
            }

            MarkChanged();
        }
    }

    /// <summary>Removes the access token under <paramref name="key"/>.</summary>
    public bool RemoveAccessToken(string key)
    {
        lock (_writeLock)
        {
            return RemoveAccessTokenLocked(key);
        }
    }

    /// <summary>
    /// Removes the accounts and <paramref name="clientId"/>'s ID, access and refresh tokens, and family
    /// refresh tokens (which the app could use); other apps' tokens stay. Returns whether anything went.
    /// </summary>
    public bool RemoveAccount(string clientId)
    {
        lock (_writeLock)
        {
            var removed = false;
            foreach (var (key, token) in _accessTokens)
            {
                if (Same(token.ClientId, clientId))
                {
                    removed |= RemoveAccessTokenLocked(key);
                }
            }

            removed |= EntryDictionaries.RemoveWhere(_idTokens, clientId, static (t, c) => Same(t.ClientId, c))
                | EntryDictionaries.RemoveWhere(_refreshTokens, clientId, static (t, c) => Same(t.ClientId, c) || !string.IsNullOrEmpty(t.FamilyId))
                | EntryDictionaries.RemoveWhere(_accounts, clientId, static (_, _) => true);
            if (removed)
            {
                MarkChanged();
            }

            return removed;
        }
    }

    /// <summary>
    /// Removes <paramref name="clientId"/>'s access and refresh tokens obtained on behalf of a user under
    /// <paramref name="assertionHash"/> (an assertion hash or a long-running session key). Returns whether anything went.
    /// </summary>
    public bool RemoveOnBehalfOf(string clientId, string assertionHash)
    {
        lock (_writeLock)
        {
            var removed = false;
            foreach (var (key, token) in _accessTokens)
            {
                if (Same(token.ClientId, clientId) && token.UserAssertionHash == assertionHash)
                {
                    removed |= RemoveAccessTokenLocked(key);
                }
            }

            removed |= EntryDictionaries.RemoveWhere(
                _refreshTokens, clientId, (t, c) => Same(t.ClientId, c) && t.UserAssertionHash == assertionHash);
            if (removed)
            {
                MarkChanged();
            }

            return removed;
        }
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        lock (_writeLock)
        {
            _size.Add(-_accessTokens.Count);
            _accessTokens.Clear();
            _refreshTokens.Clear();
            _idTokens.Clear();
            _accounts.Clear();
            MarkChanged();
        }
    }

    /// <summary>Copies every entry into <paramref name="document"/>'s sections (which must exist).</summary>
    public void CopyTo(CacheDocument document)
    {
        EntryDictionaries.Copy(_accounts, document.Accounts!);
        EntryDictionaries.Copy(_idTokens, document.IdTokens!);
        EntryDictionaries.Copy(_accessTokens, document.AccessTokens!);
        EntryDictionaries.Copy(_refreshTokens, document.RefreshTokens!);
    }

    /// <summary>Adds every access token's expiry and key to <paramref name="target"/> (for eviction).</summary>
    public void CollectExpiries(List<(long ExpiresOn, CachePartition Partition, string Key)> target)
    {
        foreach (var (key, token) in _accessTokens)
        {
            target.Add((token.ExpiresOn ?? long.MinValue, this, key));
        }
    }

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private void MarkChanged() => Interlocked.Increment(ref _version);

    private void SetAccessTokenLocked(string key, AccessTokenEntity token)
    {
        if (_accessTokens.TryAdd(key, token))
        {
            _size.Add(1);
        }
        else
        {
            _accessTokens[key] = token;
        }

        MarkChanged();
    }

    private bool RemoveAccessTokenLocked(string key)
    {
        if (!_accessTokens.TryRemove(key, out _))
        {
            return false;
        }

        _size.Add(-1);
        MarkChanged();
        return true;
    }
}
