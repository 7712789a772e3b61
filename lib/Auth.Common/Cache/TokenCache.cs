using Auth.Common.Responses;

namespace Auth.Common.Cache;

/// <summary>
/// An application's token cache: its accounts, and the whole cache as MSAL unified JSON
/// (readable by MSAL.NET's <c>DeserializeMsalV3</c> and msal-node, and able to read theirs).
/// With a cache plugin, account operations load and save through it.
/// </summary>
public sealed class TokenCache
{
    private readonly CacheAccessor _cache;

    internal TokenCache(CacheAccessor cache) => _cache = cache;

    /// <summary>Returns every account in the cache.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The accounts.</returns>
    public async Task<IReadOnlyList<AccountInfo>> GetAllAccountsAsync(CancellationToken cancellationToken = default)
    {
        return await _cache.AccessAsync(
            string.Empty,
            isApplicationCache: false,
            store => ((IReadOnlyList<AccountInfo>)store.Partitions.SelectMany(p => p.Accounts).Select(a => ToAccountInfo(store, a)).ToList(), false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns the account with <paramref name="homeAccountId"/>, or null. With a cache plugin this loads the
    /// account's own partition, so an account another instance or process signed in is found.
    /// </summary>
    /// <param name="homeAccountId">The home account id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The account, or null.</returns>
    public async Task<AccountInfo?> GetAccountByHomeIdAsync(string homeAccountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(homeAccountId);
        return await _cache.AccessAsync(
            homeAccountId,
            isApplicationCache: false,
            (Cache: this, Home: homeAccountId),
            static (store, find) => (find.Cache.FindAccount(store, find.Home), false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the account with <paramref name="localAccountId"/>, or null.</summary>
    /// <param name="localAccountId">The account's id within its tenant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The account, or null.</returns>
    public async Task<AccountInfo?> GetAccountByLocalIdAsync(string localAccountId, CancellationToken cancellationToken = default)
    {
        var accounts = await GetAllAccountsAsync(cancellationToken).ConfigureAwait(false);
        return accounts.FirstOrDefault(a => string.Equals(a.LocalAccountId, localAccountId, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Removes the account and this app's ID, access and refresh tokens for it; nothing else.</summary>
    /// <param name="account">The account to remove.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the account is removed (and saved, with a plugin).</returns>
    public async Task RemoveAccountAsync(AccountInfo account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await _cache.AccessAsync(
            account.HomeAccountId,
            isApplicationCache: false,
            store =>
            {
                var removed = store.RemoveAccount(account.HomeAccountId, _cache.ClientId);
                return (removed, removed);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the whole cache as MSAL unified cache JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string Serialize() => _cache.Store.Serialize();

    /// <summary>Replaces the whole cache with <paramref name="json"/> (MSAL unified cache JSON).</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="Errors.AuthClientException">The JSON is invalid; the cache is unchanged.</exception>
    public void Deserialize(string json) => _cache.Store.Deserialize(json);

    private AccountInfo? FindAccount(TokenCacheStore store, string homeAccountId)
    {
        var account = store.Find(homeAccountId)?.FindAccount(realm: null)
            ?? store.Partitions.SelectMany(p => p.Accounts).FirstOrDefault(a => string.Equals(a.HomeAccountId, homeAccountId, StringComparison.OrdinalIgnoreCase));
        return account is null ? null : ToAccountInfo(store, account);
    }

    private AccountInfo ToAccountInfo(TokenCacheStore store, AccountEntity account)
    {
        var idToken = UserTokenCache.FindIdToken(store, _cache.ClientId, account.HomeAccountId!, authority: null, account.Realm ?? string.Empty);
        return account.ToAccountInfo(idToken?.Claims);
    }
}
