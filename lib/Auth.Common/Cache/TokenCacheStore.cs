using System.Collections.Concurrent;
using System.Text.Json;

namespace Auth.Common.Cache;

/// <summary>
/// The in-memory token cache: a registry of partitions (so that a lookup touches only the entries of
/// one app tenant, user or OBO assertion, whatever the total size) and the app metadata. Writes go
/// through its operations, which apply the replacement rules and the size bound.
/// </summary>
internal sealed class TokenCacheStore
{
    private readonly ConcurrentDictionary<string, CachePartition> _partitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AppMetadataEntity> _appMetadata = new(StringComparer.Ordinal);
    private readonly CacheSize _size = new();
    private readonly LocalAccountIndex _localIds = new();
    private readonly AccessTokenEviction _eviction;

    /// <summary>Creates an empty cache holding at most <paramref name="maxAccessTokens"/> access tokens (null: no bound).</summary>
    public TokenCacheStore(int? maxAccessTokens = null)
    {
        if (maxAccessTokens is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAccessTokens), maxAccessTokens, "The bound must be at least 1.");
        }

        _eviction = new AccessTokenEviction(maxAccessTokens);
    }

    /// <summary>Gets the most access tokens held at once; null when unbounded.</summary>
    public int? MaxAccessTokens => _eviction.MaxAccessTokens;

    /// <summary>Gets the number of access tokens held.</summary>
    public int AccessTokenCount => _size.AccessTokens;

    /// <summary>Gets the sections of the last whole-cache document this library does not know, kept to be written back.</summary>
    public Dictionary<string, JsonElement>? UnknownSections { get; set; }

    /// <summary>Gets the lock that whole-document replacements take, so two never interleave.</summary>
    public Lock DocumentLock { get; } = new();

    /// <summary>Gets every partition (a snapshot).</summary>
    public IEnumerable<CachePartition> Partitions => _partitions.Values;

    /// <summary>Gets the cached app metadata.</summary>
    public ICollection<AppMetadataEntity> AppMetadata => _appMetadata.Values;

    /// <summary>Gets the partition with <paramref name="key"/>, or null.</summary>
    public CachePartition? Find(string key) => _partitions.TryGetValue(key, out var partition) ? partition : null;

    /// <summary>Gets the partition with <paramref name="key"/>, or null, without creating a string.</summary>
    public CachePartition? Find(ReadOnlySpan<char> key) =>
        _partitions.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var partition) ? partition : null;

    /// <summary>Gets or creates the partition with <paramref name="key"/>.</summary>
    public CachePartition GetOrCreate(string key) => _partitions.GetOrAdd(key, static (k, size) => new CachePartition(k, size), _size);

    /// <summary>Records the local id of an account entry that was just stored in its partition.</summary>
    public void IndexAccount(AccountEntity account) => _localIds.Add(account);

    /// <summary>Returns the account with <paramref name="localAccountId"/> (in its home partition), or null: one index lookup, no scan.</summary>
    public AccountEntity? FindAccountByLocalId(string localAccountId) =>
        _localIds.HomeOf(localAccountId) is { } home && Find(home) is { } partition ? partition.FindAccountByLocalId(localAccountId) : null;

    /// <summary>Adds or replaces app metadata.</summary>
    public void SetAppMetadata(AppMetadataEntity metadata) => _appMetadata[metadata.Key()] = metadata;

    /// <summary>Returns whether <paramref name="clientId"/> belongs to the family <paramref name="familyId"/>.</summary>
    public bool IsFamilyMember(string clientId, string? familyId)
    {
        foreach (var (_, metadata) in _appMetadata)
        {
            if (string.Equals(metadata.ClientId, clientId, StringComparison.OrdinalIgnoreCase) && string.Equals(metadata.FamilyId, familyId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Saves an access token in its partition, replacing the tokens it supersedes and the partition's
    /// expired ones (as of <paramref name="now"/>, Unix seconds); then holds the cache to its size bound.
    /// </summary>
    public void SaveAccessToken(AccessTokenEntity token, long now)
    {
        GetOrCreate(token.Partition()).SaveAccessToken(token, now, AccessTokenRules.Replaces);
        EvictOverLimit();
    }

    /// <summary>
    /// Saves what one user token response produced. On-behalf-of records keep only their access and refresh
    /// tokens. Returns whether the account entry is new to its partition (false for on-behalf-of records).
    /// </summary>
    public bool SaveUserTokens(UserTokenRecord record, long now)
    {
        var isOnBehalfOf = !string.IsNullOrEmpty(record.AccessToken.UserAssertionHash);
        var partition = GetOrCreate(record.AccessToken.Partition());
        var isNewAccount = !isOnBehalfOf && !partition.HasAccount(record.Account.Key());
        partition.SaveUserEntries(
            isOnBehalfOf ? null : record.Account,
            isOnBehalfOf ? null : record.IdToken,
            record.RefreshToken);
        if (!isOnBehalfOf)
        {
            _localIds.Add(record.Account);
        }

        SaveAccessToken(record.AccessToken, now);
        SetAppMetadata(record.AppMetadata);
        return isNewAccount;
    }

    /// <summary>Removes an account and <paramref name="clientId"/>'s tokens for it; returns whether anything went.</summary>
    public bool RemoveAccount(string homeAccountId, string clientId)
    {
        if (Find(homeAccountId) is not { } partition)
        {
            return false;
        }

        foreach (var account in partition.Accounts)
        {
            if (!string.IsNullOrEmpty(account.LocalAccountId))
            {
                _localIds.Remove(account.LocalAccountId, homeAccountId);
            }
        }

        return partition.RemoveAccount(clientId);
    }

    /// <summary>Drops a partition from memory (its entries counted out of the size bound); a plugin's store keeps its copy.</summary>
    public void Drop(string key)
    {
        if (_partitions.TryRemove(key, out var partition))
        {
            partition.Clear();
        }
    }

    /// <summary>
    /// Removes <paramref name="clientId"/>'s on-behalf-of tokens kept under <paramref name="assertionHash"/> (an
    /// assertion hash or a long-running session key); returns whether anything went.
    /// </summary>
    public bool RemoveOnBehalfOf(string assertionHash, string clientId) =>
        Find(assertionHash) is { } partition && partition.RemoveOnBehalfOf(clientId, assertionHash);

    /// <summary>Removes every partition and all app metadata.</summary>
    public void Clear()
    {
        _partitions.Clear();
        _appMetadata.Clear();
        _localIds.Clear();
        _size.Reset(0);
    }

    /// <summary>Holds the cache to its size bound (see <see cref="AccessTokenEviction"/>).</summary>
    public void EvictOverLimit() => _eviction.Apply(_partitions.Values, _size);
}
