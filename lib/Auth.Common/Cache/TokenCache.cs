using Auth.Common.Responses;

namespace Auth.Common.Cache;

/// <summary>
/// An application's token cache: its accounts, and the whole cache as MSAL unified JSON
/// (readable by MSAL.NET's <c>DeserializeMsalV3</c> and msal-node, and able to read theirs).
/// </summary>
public sealed class TokenCache
{
    private readonly TokenCacheStore _store;

    internal TokenCache(TokenCacheStore store) => _store = store;

    /// <summary>Returns every account in the in-memory cache.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The accounts.</returns>
    public Task<IReadOnlyList<AccountInfo>> GetAllAccountsAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<AccountInfo> accounts = _store.Partitions
            .SelectMany(p => p.Accounts.Values)
            .Select(ToAccountInfo)
            .ToList();
        return Task.FromResult(accounts);
    }

    /// <summary>Returns the account with <paramref name="homeAccountId"/>, or null.</summary>
    /// <param name="homeAccountId">The home account id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The account, or null.</returns>
    public async Task<AccountInfo?> GetAccountByHomeIdAsync(string homeAccountId, CancellationToken cancellationToken = default)
    {
        var accounts = await GetAllAccountsAsync(cancellationToken).ConfigureAwait(false);
        return accounts.FirstOrDefault(a => string.Equals(a.HomeAccountId, homeAccountId, StringComparison.OrdinalIgnoreCase));
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

    /// <summary>Removes the account and all its tokens from the cache.</summary>
    /// <param name="account">The account to remove.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A completed task.</returns>
    public Task RemoveAccountAsync(AccountInfo account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (_store.Find(account.HomeAccountId) is { } partition)
        {
            lock (partition.WriteLock)
            {
                partition.Clear();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Returns the whole cache as MSAL unified cache JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string Serialize() => _store.Serialize();

    /// <summary>Replaces the whole cache with <paramref name="json"/> (MSAL unified cache JSON).</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="Errors.AuthClientException">The JSON is invalid; the cache is unchanged.</exception>
    public void Deserialize(string json) => _store.Deserialize(json);

    private static AccountInfo ToAccountInfo(AccountEntity entity) => new()
    {
        HomeAccountId = entity.HomeAccountId!,
        Environment = entity.Environment!,
        TenantId = entity.Realm,
        Username = entity.Username,
        LocalAccountId = entity.LocalAccountId,
        Name = entity.Name,
    };
}
