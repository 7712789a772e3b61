using System.Security.Cryptography;

namespace Auth.Extensions.Persistence;

/// <summary>
/// A key the app supplies itself, for hosts without an OS secret store (headless servers,
/// containers): read it from a secret manager or a mounted secret, never from a file beside the
/// cache. Nothing is stored: <see cref="StoreKeyAsync"/> only replaces the key in memory and
/// <see cref="DeleteKeyAsync"/> does nothing.
/// </summary>
public sealed class ExplicitKeyStore : IKeyStore
{
    /// <summary>The key length AES-256 needs, in bytes.</summary>
    public const int KeySize = 32;

    private byte[] _key;

    /// <summary>Creates the store over a copy of <paramref name="key"/>.</summary>
    /// <param name="key">32 random bytes, for example from <see cref="RandomNumberGenerator.GetBytes(int)"/>.</param>
    /// <exception cref="ArgumentException">The key is not 32 bytes long.</exception>
    public ExplicitKeyStore(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = CheckedCopy(key);
    }

    /// <inheritdoc />
    public Task<byte[]?> LoadKeyAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<byte[]?>((byte[])Volatile.Read(ref _key).Clone());

    /// <inheritdoc />
    public Task StoreKeyAsync(byte[] key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        Volatile.Write(ref _key, CheckedCopy(key));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteKeyAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public IKeyStore ForProbe() => new ExplicitKeyStore(RandomNumberGenerator.GetBytes(KeySize));

    private static byte[] CheckedCopy(byte[] key) => key.Length == KeySize
        ? (byte[])key.Clone()
        : throw new ArgumentException($"The key must be {KeySize} bytes (AES-256); it is {key.Length}.", nameof(key));
}
