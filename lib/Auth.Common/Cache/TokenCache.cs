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

    /// <summary>
    /// Returns the accounts this cache holds in memory. With a cache plugin it first loads the partition
    /// whose key is the empty string: a store that keeps the whole cache in one document (the encrypted
    /// file cache of a desktop app) loads every account then, so every account is returned. A partitioned
    /// store (a distributed cache behind a web app) is never enumerated: the result is only the accounts
    /// this instance has signed in or loaded, not every user of the store. A web app finds its user with
    /// <see cref="GetAccountByHomeIdAsync"/> or <see cref="GetAccountByLocalIdAsync"/>, which load that user's partition.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The accounts.</returns>
    public async Task<IReadOnlyList<AccountInfo>> GetAllAccountsAsync(CancellationToken cancellationToken = default)
    {
        return await _cache.ReadAsync(
            string.Empty,
            isApplicationCache: false,
            this,
            static (store, cache) => ((IReadOnlyList<AccountInfo>)store.Partitions.SelectMany(p => p.Accounts).Select(a => cache.ToAccountInfo(store, a)).ToList(), false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns the Azure AD B2C accounts of <paramref name="policy"/> (compared case-insensitively) among
    /// <see cref="GetAllAccountsAsync"/>: B2C keeps one account per policy (<see cref="AccountInfo.B2CPolicy"/>), as
    /// MSAL.NET's <c>GetAccountsAsync(userFlow)</c> filters them.
    /// </summary>
    /// <param name="policy">The policy (user flow), e.g. <c>B2C_1_SignUpSignIn</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The accounts.</returns>
    /// <exception cref="ArgumentException"><paramref name="policy"/> is null, empty or white space.</exception>
    public async Task<IReadOnlyList<AccountInfo>> GetAccountsByPolicyAsync(string policy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        var accounts = await GetAllAccountsAsync(cancellationToken).ConfigureAwait(false);
        return accounts.Where(a => string.Equals(a.B2CPolicy, policy, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>
    /// Returns the account with <paramref name="homeAccountId"/> (compared case-sensitively), or null. With a cache plugin
    /// this loads the account's own partition, so an account another instance or process signed in is found.
    /// </summary>
    /// <param name="homeAccountId">The home account id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The account, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="homeAccountId"/> is null.</exception>
    /// <exception cref="Errors.AuthClientException"><paramref name="homeAccountId"/> is empty (code <c>invalid_request</c>), or the cache plugin failed.</exception>
    public async Task<AccountInfo?> GetAccountByHomeIdAsync(string homeAccountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(homeAccountId);
        RequireId(homeAccountId, "home account id");
        return await _cache.ReadAsync(
            homeAccountId,
            isApplicationCache: false,
            (Cache: this, Home: homeAccountId),
            static (store, find) => (find.Cache.FindAccount(store, find.Home), false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns the account with <paramref name="localAccountId"/> (its id within its tenant: the <c>oid</c>,
    /// else the <c>sub</c>), or null. The local id does not name the account's partition, so with a cache
    /// plugin this finds the home account id in memory, else in the local id's alias partition (saved
    /// when the account was first saved, see <see cref="PartitionRule.ForLocalAccountAlias"/>), then loads
    /// the account's own partition: an account another instance or process signed in is found.
    /// </summary>
    /// <param name="localAccountId">The account's id within its tenant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The account, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="localAccountId"/> is null.</exception>
    /// <exception cref="Errors.AuthClientException"><paramref name="localAccountId"/> is empty (code <c>invalid_request</c>), or the cache plugin failed.</exception>
    public async Task<AccountInfo?> GetAccountByLocalIdAsync(string localAccountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(localAccountId);
        RequireId(localAccountId, "local account id");
        if (await LocalAccountAliases.FindHomeAsync(_cache, localAccountId, cancellationToken).ConfigureAwait(false) is not { } homeAccountId)
        {
            return null;
        }

        return await _cache.ReadAsync(
            homeAccountId,
            isApplicationCache: false,
            (Cache: this, Local: localAccountId),
            static (store, find) => (find.Cache.FindAccountByLocalId(store, find.Local), false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the account and this app's ID, access and refresh tokens for it; nothing else. With a cache
    /// plugin the account's partition is loaded, changed and saved (so the store forgets the account even
    /// on an instance that never saw it), and so is its local id's alias partition.
    /// </summary>
    /// <param name="account">The account to remove.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the account is removed (and saved, with a plugin).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="Errors.AuthClientException">The account has no home account id (code <c>invalid_request</c>), or the cache plugin failed.</exception>
    public async Task RemoveAccountAsync(AccountInfo account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        RequireId(account.HomeAccountId, "account's home account id");
        await _cache.AccessAsync(
            account.HomeAccountId,
            isApplicationCache: false,
            (Home: account.HomeAccountId, _cache.ClientId),
            static (store, removal) =>
            {
                var removed = store.RemoveAccount(removal.Home, removal.ClientId);
                return (removed, removed);
            },
            cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(account.LocalAccountId))
        {
            await LocalAccountAliases.RemoveAsync(_cache, account.LocalAccountId, account.HomeAccountId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the whole cache as MSAL unified cache JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string Serialize() => _cache.Store.Serialize();

    /// <summary>Replaces the whole cache with <paramref name="json"/> (MSAL unified cache JSON).</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="Errors.AuthClientException">The JSON is invalid; the cache is unchanged.</exception>
    public void Deserialize(string json) => _cache.Store.Deserialize(json);

    /// <summary>
    /// The account in the partition named by <paramref name="homeAccountId"/>, matched exactly: an OpenID Provider's
    /// <c>sub</c> is case-sensitive (two subjects may differ only in case), and Entra ID's <c>uid.utid</c> is written in
    /// lower case by every MSAL, so the id an earlier result or account gave is the one to pass.
    /// </summary>
    private AccountInfo? FindAccount(TokenCacheStore store, string homeAccountId)
    {
        var account = store.Find(homeAccountId)?.FindAccount(realm: null);
        return account is null || !string.Equals(account.HomeAccountId, homeAccountId, StringComparison.Ordinal) ? null : ToAccountInfo(store, account);
    }

    /// <summary>The account with the local id, if its home partition still holds tokens (an alias can outlive them).</summary>
    private AccountInfo? FindAccountByLocalId(TokenCacheStore store, string localAccountId) =>
        store.FindAccountByLocalId(localAccountId) is { } account && store.Find(account.HomeAccountId!) is { HasCredentials: true }
            ? ToAccountInfo(store, account)
            : null;

    private static void RequireId(string? id, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new Errors.AuthClientException(Errors.AuthErrorCodes.InvalidRequest, $"The {what} is empty. Pass the id of an account from an AuthenticationResult or AccountInfo.");
        }
    }

    private AccountInfo ToAccountInfo(TokenCacheStore store, AccountEntity account)
    {
        var idToken = UserTokenCache.FindIdToken(store, _cache.ClientId, account.HomeAccountId!, authority: null, account.Realm ?? string.Empty);
        return account.ToAccountInfo(idToken?.Claims);
    }
}
