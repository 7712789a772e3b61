using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;

namespace Auth.Extensions.Persistence;

/// <summary>
/// Keeps the cache key in a small file protected with Windows DPAPI for the current user
/// (System.Security.Cryptography.ProtectedData): only the same Windows user on the same machine
/// can unprotect it. A key file that no longer unprotects (another user, a reset profile) counts
/// as no key, so the cache starts over with a new one.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class DpapiKeyStore : IKeyStore
{
    private static readonly byte[] Entropy = Encoding.UTF8.GetBytes("Auth.Extensions token cache key");
    private readonly string _keyFilePath;

    /// <summary>Creates the store.</summary>
    /// <param name="keyFilePath">The protected key file, for example <c>{cache file}.key</c>.</param>
    public DpapiKeyStore(string keyFilePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyFilePath);
        _keyFilePath = Path.GetFullPath(keyFilePath);
    }

    /// <inheritdoc />
    public async Task<byte[]?> LoadKeyAsync(CancellationToken cancellationToken = default)
    {
        var protectedKey = await AtomicFile.ReadAsync(_keyFilePath, cancellationToken).ConfigureAwait(false);
        if (protectedKey is null || protectedKey.Length == 0)
        {
            return null;
        }

        try
        {
            var key = ProtectedData.Unprotect(protectedKey, Entropy, DataProtectionScope.CurrentUser);
            return key.Length == ExplicitKeyStore.KeySize ? key : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task StoreKeyAsync(byte[] key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return AtomicFile.WriteAsync(_keyFilePath, ProtectedData.Protect(key, Entropy, DataProtectionScope.CurrentUser), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteKeyAsync(CancellationToken cancellationToken = default)
    {
        AtomicFile.TryDelete(_keyFilePath);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public IKeyStore ForProbe() => new DpapiKeyStore(_keyFilePath + ".probe");
}
