using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using Auth.Common.Errors;

namespace Auth.Extensions.Persistence;

/// <summary>
/// Keeps the cache key as a generic password in the user's macOS login Keychain, under a service
/// and account name the app chooses (Security framework). A locked Keychain that needs the user
/// gives <see cref="PersistenceErrorCodes.KeyStoreLocked"/>.
/// </summary>
[SupportedOSPlatform("macos")]
public sealed class KeychainKeyStore : IKeyStore
{
    private readonly string _service;
    private readonly string _account;

    /// <summary>Creates the store.</summary>
    /// <param name="serviceName">The Keychain item's service, for example <c>com.contoso.myapp.tokencache</c>.</param>
    /// <param name="accountName">The Keychain item's account, for example <c>token-cache-key</c>.</param>
    public KeychainKeyStore(string serviceName, string accountName)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        _service = serviceName;
        _account = accountName;
    }

    /// <inheritdoc />
    public Task<byte[]?> LoadKeyAsync(CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        var status = Find(out var length, out var data, out var item);
        if (status == KeychainNative.ItemNotFound)
        {
            return null;
        }

        Check(status, "read the key from");
        try
        {
            var password = new byte[length];
            Marshal.Copy(data, password, 0, (int)length);
            return Convert.FromBase64String(Encoding.ASCII.GetString(password));
        }
        finally
        {
            _ = KeychainNative.SecKeychainItemFreeContent(IntPtr.Zero, data);
            KeychainNative.CFRelease(item);
        }
    }, cancellationToken);

    /// <inheritdoc />
    public Task StoreKeyAsync(byte[] key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var password = Encoding.ASCII.GetBytes(Convert.ToBase64String(key));
        return Task.Run(() =>
        {
            var status = Find(out _, out var data, out var item);
            if (status == KeychainNative.ItemNotFound)
            {
                var service = Encoding.UTF8.GetBytes(_service);
                var account = Encoding.UTF8.GetBytes(_account);
                Check(KeychainNative.SecKeychainAddGenericPassword(IntPtr.Zero, (uint)service.Length, service, (uint)account.Length, account, (uint)password.Length, password, out var added), "store the key in");
                KeychainNative.CFRelease(added);
                return;
            }

            Check(status, "store the key in");
            _ = KeychainNative.SecKeychainItemFreeContent(IntPtr.Zero, data);
            try
            {
                Check(KeychainNative.SecKeychainItemModifyAttributesAndData(item, IntPtr.Zero, (uint)password.Length, password), "store the key in");
            }
            finally
            {
                KeychainNative.CFRelease(item);
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteKeyAsync(CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        var status = Find(out _, out var data, out var item);
        if (status == KeychainNative.ItemNotFound)
        {
            return;
        }

        Check(status, "delete the key from");
        _ = KeychainNative.SecKeychainItemFreeContent(IntPtr.Zero, data);
        try
        {
            Check(KeychainNative.SecKeychainItemDelete(item), "delete the key from");
        }
        finally
        {
            KeychainNative.CFRelease(item);
        }
    }, cancellationToken);

    /// <inheritdoc />
    public IKeyStore ForProbe() => new KeychainKeyStore(_service, _account + ".probe");

    private static void Check(int status, string operation)
    {
        if (status == KeychainNative.Success)
        {
            return;
        }

        throw new AuthClientException(
            status == KeychainNative.InteractionNotAllowed ? PersistenceErrorCodes.KeyStoreLocked : PersistenceErrorCodes.KeyStoreFailed,
            $"Could not {operation} the macOS Keychain: OSStatus {status}{(status == KeychainNative.InteractionNotAllowed ? " (the Keychain is locked and no user can unlock it, as in an SSH session)" : string.Empty)}.");
    }

    private int Find(out uint length, out IntPtr data, out IntPtr item)
    {
        var service = Encoding.UTF8.GetBytes(_service);
        var account = Encoding.UTF8.GetBytes(_account);
        return KeychainNative.SecKeychainFindGenericPassword(IntPtr.Zero, (uint)service.Length, service, (uint)account.Length, account, out length, out data, out item);
    }
}
