namespace Auth.Extensions.Persistence;

/// <summary>
/// Keeps the 32-byte AES-256 key of an <see cref="EncryptedFilePersistence"/> in an OS secret store
/// (libsecret, DPAPI, Keychain) or wherever the app supplies it from. Only this small key goes to
/// the store, so the size of the cache does not matter to it. Failures throw an
/// <see cref="Auth.Common.Errors.AuthClientException"/> with a code from <see cref="PersistenceErrorCodes"/>.
/// </summary>
public interface IKeyStore
{
    /// <summary>Reads the key.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key, or null when none is stored yet.</returns>
    Task<byte[]?> LoadKeyAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="key"/>, replacing any key stored before.</summary>
    /// <param name="key">The 32-byte key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is stored.</returns>
    Task StoreKeyAsync(byte[] key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored key; nothing happens when there is none.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is deleted.</returns>
    Task DeleteKeyAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns a store of the same kind at a separate place (another keyring item, key file or
    /// Keychain entry), which <see cref="IPersistence.VerifyAsync"/> round-trips a probe key through.
    /// </summary>
    /// <returns>The probe store.</returns>
    IKeyStore ForProbe();
}
