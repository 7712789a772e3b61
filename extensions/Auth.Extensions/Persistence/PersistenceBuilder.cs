using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;

namespace Auth.Extensions.Persistence;

/// <summary>
/// Chooses how the token cache is stored: encrypted with a key from an <see cref="IKeyStore"/>
/// (the default; <see cref="WithPlatformKeyStore"/> picks libsecret, DPAPI or the Keychain), or in
/// plaintext only after <see cref="UnsafeAllowUnencryptedFile"/>. <see cref="VerifyAsync"/> tells
/// the app whether the choice works on this machine, so it can decide what to fall back to.
/// </summary>
public sealed class PersistenceBuilder
{
    private IKeyStore? _keyStore;
    private bool _unencrypted;
    private ILoggerFactory? _loggerFactory;

    /// <summary>Starts a builder for the cache at <paramref name="cacheFilePath"/>.</summary>
    /// <param name="cacheFilePath">The cache file.</param>
    public PersistenceBuilder(string cacheFilePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheFilePath);
        CacheFilePath = Path.GetFullPath(cacheFilePath);
    }

    /// <summary>Gets the full path of the cache file.</summary>
    public string CacheFilePath { get; }

    /// <summary>Gets the conventional lock file for the cache: <c>{cache file}.lock</c>.</summary>
    public string LockFilePath => CacheFilePath + ".lock";

    /// <summary>Encrypts the cache with a key kept in <paramref name="keyStore"/>.</summary>
    /// <param name="keyStore">The key store.</param>
    /// <returns>This builder.</returns>
    public PersistenceBuilder WithKeyStore(IKeyStore keyStore)
    {
        ArgumentNullException.ThrowIfNull(keyStore);
        _keyStore = keyStore;
        _unencrypted = false;
        return this;
    }

    /// <summary>
    /// Encrypts the cache with a key kept in this OS's secret store: libsecret on Linux (schema
    /// <c>{applicationName}.TokenCache</c>, attribute <c>cache</c> = the cache path), DPAPI on
    /// Windows (<c>{cache file}.key</c>), the login Keychain on macOS (service <paramref name="applicationName"/>).
    /// </summary>
    /// <param name="applicationName">A stable reverse-DNS name of the app, for example <c>com.contoso.myapp</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="PlatformNotSupportedException">The OS is none of the three.</exception>
    [UnsupportedOSPlatform("browser")]
    public PersistenceBuilder WithPlatformKeyStore(string applicationName)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationName);
        IKeyStore store = OperatingSystem.IsWindows() ? new DpapiKeyStore(CacheFilePath + ".key")
            : OperatingSystem.IsMacOS() ? new KeychainKeyStore(applicationName, Path.GetFileName(CacheFilePath))
            : OperatingSystem.IsLinux() ? new LibSecretKeyStore(new LibSecretKeyStoreOptions { SchemaName = applicationName + ".TokenCache", Attributes = new Dictionary<string, string> { ["cache"] = CacheFilePath } })
            : throw new PlatformNotSupportedException("No OS key store is known on this platform; use WithKeyStore(new ExplicitKeyStore(key)).");
        return WithKeyStore(store);
    }

    /// <summary>
    /// Stores the cache as plaintext JSON (owner-only file permissions, nothing more): anyone who
    /// can read the file as this user can use the tokens. For hosts where no key store works,
    /// after <see cref="VerifyAsync"/> said so and the app decided to accept it.
    /// </summary>
    /// <returns>This builder.</returns>
    public PersistenceBuilder UnsafeAllowUnencryptedFile()
    {
        _unencrypted = true;
        _keyStore = null;
        return this;
    }

    /// <summary>Sends the persistence's warnings (unreadable files, new keys) to <paramref name="loggerFactory"/>.</summary>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <returns>This builder.</returns>
    public PersistenceBuilder WithLoggerFactory(ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        return this;
    }

    /// <summary>Round-trips a probe key and a probe file; says why the store is unusable (no D-Bus session, locked keyring, libsecret missing…).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The verification.</returns>
    public Task<PersistenceVerification> VerifyAsync(CancellationToken cancellationToken = default) => Build().VerifyAsync(cancellationToken);

    /// <summary>Creates the persistence.</summary>
    /// <returns>An <see cref="EncryptedFilePersistence"/>, or a <see cref="FilePersistence"/> after <see cref="UnsafeAllowUnencryptedFile"/>.</returns>
    /// <exception cref="InvalidOperationException">Neither a key store nor plaintext was chosen.</exception>
    public IPersistence Build() =>
        _keyStore is not null ? new EncryptedFilePersistence(CacheFilePath, _keyStore, _loggerFactory)
        : _unencrypted ? new FilePersistence(CacheFilePath, _loggerFactory)
        : throw new InvalidOperationException("Choose a key store (WithKeyStore, WithPlatformKeyStore) or, knowingly, UnsafeAllowUnencryptedFile.");
}
