using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Auth.Extensions.Persistence;

/// <summary>
/// Keeps the cache key in the freedesktop Secret Service (gnome-keyring, KWallet) through
/// libsecret-1, as a base64 password item under the schema and attributes the app chooses. Needs
/// libsecret-1.so.0, a D-Bus session bus and an unlocked keyring; failures throw an
/// <see cref="Auth.Common.Errors.AuthClientException"/> whose code and message say which is missing.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LibSecretKeyStore : IKeyStore
{
    private static readonly Lock NativeGate = new();
    private readonly LibSecretKeyStoreOptions _options;

    /// <summary>Creates the store.</summary>
    /// <param name="options">The schema, attributes, label and collection of the key's item.</param>
    /// <exception cref="ArgumentException">The schema name is empty or there are no attributes.</exception>
    public LibSecretKeyStore(LibSecretKeyStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.SchemaName, nameof(options));
        if (options.Attributes is null || options.Attributes.Count == 0)
        {
            throw new ArgumentException("At least one attribute must identify the keyring item.", nameof(options));
        }

        _options = options;
    }

    internal LibSecretKeyStoreOptions Options => _options;

    /// <inheritdoc />
    public Task<byte[]?> LoadKeyAsync(CancellationToken cancellationToken = default) => Run(
        "read the key from",
        (schema, attributes) =>
        {
            var password = LibSecretNative.secret_password_lookupv_sync(schema, attributes, IntPtr.Zero, out var error);
            LibSecretErrors.ThrowIfError(error, "read the key from");
            if (password == IntPtr.Zero)
            {
                return null;
            }

            var text = Marshal.PtrToStringUTF8(password);
            LibSecretNative.secret_password_free(password);
            return string.IsNullOrEmpty(text) ? null : Convert.FromBase64String(text);
        },
        cancellationToken);

    /// <inheritdoc />
    public Task StoreKeyAsync(byte[] key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var password = Convert.ToBase64String(key);
        return Run<byte[]?>(
            "store the key in",
            (schema, attributes) =>
            {
                var stored = LibSecretNative.secret_password_storev_sync(schema, attributes, _options.Collection, _options.Label, password, IntPtr.Zero, out var error);
                LibSecretErrors.ThrowIfError(error, "store the key in");
                return stored ? null : throw LibSecretErrors.Failed("store the key in", "the Secret Service refused the item");
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteKeyAsync(CancellationToken cancellationToken = default) => Run<byte[]?>(
        "delete the key from",
        (schema, attributes) =>
        {
            LibSecretNative.secret_password_clearv_sync(schema, attributes, IntPtr.Zero, out var error);
            LibSecretErrors.ThrowIfError(error, "delete the key from");
            return null;
        },
        cancellationToken);

    /// <inheritdoc />
    public IKeyStore ForProbe() => new LibSecretKeyStore(new LibSecretKeyStoreOptions
    {
        SchemaName = _options.SchemaName,
        Attributes = _options.Attributes.ToDictionary(a => a.Key, a => $"{a.Value}.probe"),
        Label = _options.Label + " (probe)",
        Collection = _options.Collection,
    });

    private Task<T> Run<T>(string operation, Func<IntPtr, IntPtr, T> call, CancellationToken cancellationToken) => Task.Run(
        () =>
        {
            try
            {
                lock (NativeGate)
                {
                    using var schemaAttributes = new GStringTable();
                    using var attributes = new GStringTable();
                    foreach (var (name, value) in _options.Attributes)
                    {
                        schemaAttributes.Add(name, null);
                        attributes.Add(name, value);
                    }

                    var schema = LibSecretNative.secret_schema_newv(_options.SchemaName, 0, schemaAttributes.Handle);
                    try
                    {
                        return call(schema, attributes.Handle);
                    }
                    finally
                    {
                        LibSecretNative.secret_schema_unref(schema);
                    }
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                throw LibSecretErrors.Missing(operation, ex);
            }
        },
        cancellationToken);
}
