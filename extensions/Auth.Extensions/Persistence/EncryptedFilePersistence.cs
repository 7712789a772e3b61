using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Auth.Extensions.Distributed;
using Auth.Extensions.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth.Extensions.Persistence;

/// <summary>
/// Stores the token cache in a file encrypted with AES-256-GCM under a 32-byte key kept in an
/// <see cref="IKeyStore"/>. File layout, version 2: <c>'A' 'T' 0x02 | nonce (12 bytes, random per
/// write) | tag (16) | ciphertext</c>; the associated data is the 3-byte header followed by
/// <c>auth-token-cache-file:</c> and the file's full path (upper-cased on Windows and macOS), so a
/// file copied or moved to another cache path does not decrypt there, and is set aside like any
/// unreadable file. Version 1 files (written before the path was bound in: associated data
/// <c>auth-token-cache-file</c>) are still read, and the next save rewrites them as version 2.
/// The file is written atomically with mode 0600. Only the key touches the OS secret store, read
/// once per instance, so a large cache stays fast. A file that does not decrypt (another key, a missing key, a
/// tampered byte, a newer format) or is not JSON is logged, set aside as <c>*.corrupt</c>, and
/// the cache starts empty; the next save creates a key when the store has none.
/// </summary>
public sealed class EncryptedFilePersistence : IPersistence
{
    private readonly string _path;
    private readonly string _associatedData;
    private readonly IKeyStore _keyStore;
    private readonly ILogger _logger;
    private byte[]? _key;
    private (byte[] Blob, string Json)? _last;

    /// <summary>Creates the persistence.</summary>
    /// <param name="filePath">The cache file; its directory is created (0700) when missing.</param>
    /// <param name="keyStore">Where the encryption key is kept.</param>
    /// <param name="loggerFactory">Where warnings about unreadable files go; default none.</param>
    public EncryptedFilePersistence(string filePath, IKeyStore keyStore, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        ArgumentNullException.ThrowIfNull(keyStore);
        _path = Path.GetFullPath(filePath);
        _associatedData = CacheFileBinding.AssociatedData(_path);
        _keyStore = keyStore;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<EncryptedFilePersistence>();
    }

    /// <inheritdoc />
    public async Task<string?> LoadAsync(CancellationToken cancellationToken = default)
    {
        var blob = await AtomicFile.ReadAsync(_path, cancellationToken).ConfigureAwait(false);
        if (blob is null || blob.Length == 0)
        {
            return null;
        }

        if (_last is { } last && last.Blob.AsSpan().SequenceEqual(blob))
        {
            return last.Json;
        }

        var (json, failure) = await DecryptAsync(blob, cancellationToken).ConfigureAwait(false);
        if (json is null || !CacheJson.IsObject(json))
        {
            Log.CacheFileUnreadable(_logger, _path, AtomicFile.SetAside(_path), failure ?? "it decrypts, but not to a JSON object");
            return null;
        }

        _last = (blob, json);
        return json;
    }

    /// <inheritdoc />
    public async Task SaveAsync(string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var key = await GetOrCreateKeyAsync(cancellationToken).ConfigureAwait(false);
        var blob = new AesGcmBlobCodec(key, CacheFileBinding.Version).Encode(json, _associatedData);
        await AtomicFile.WriteAsync(_path, blob, cancellationToken).ConfigureAwait(false);
        _last = (blob, json);
    }

    /// <inheritdoc />
    public Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        AtomicFile.TryDelete(_path);
        _last = null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PersistenceVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        EncryptedProbe.VerifyAsync(_path, _keyStore.ForProbe(), cancellationToken);

    private async Task<(string? Json, string? Failure)> DecryptAsync(byte[] blob, CancellationToken cancellationToken)
    {
        if (AesGcmBlobCodec.HasHeader(blob) && blob[2] > CacheFileBinding.Version)
        {
            return (null, $"it has format version {blob[2]}, newer than this library reads ({CacheFileBinding.Version})");
        }

        if (_key is { } cached && TryDecode(cached, blob, out var json, out _))
        {
            return (json, null);
        }

        // Another process may have replaced a lost key since this instance read it: read it again.
        _key = await _keyStore.LoadKeyAsync(cancellationToken).ConfigureAwait(false);
        if (_key is null)
        {
            return (null, "the key store holds no key for it (the key was deleted, or the file comes from another user or machine)");
        }

        return TryDecode(_key, blob, out json, out var failure) ? (json, null) : (null, failure);
    }

    /// <summary>Decrypts a version-2 blob bound to this path, or a version-1 blob written before the binding.</summary>
    private bool TryDecode(byte[] key, byte[] blob, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? failure)
    {
        if (AesGcmBlobCodec.HasHeader(blob) && blob[2] == CacheFileBinding.LegacyVersion)
        {
            return new AesGcmBlobCodec(key, CacheFileBinding.LegacyVersion).TryDecode(blob, CacheFileBinding.LegacyAssociatedData, out json, out failure);
        }

        return new AesGcmBlobCodec(key, CacheFileBinding.Version).TryDecode(blob, _associatedData, out json, out failure);
    }

    private async Task<byte[]> GetOrCreateKeyAsync(CancellationToken cancellationToken)
    {
        _key ??= await _keyStore.LoadKeyAsync(cancellationToken).ConfigureAwait(false);
        if (_key is null)
        {
            var key = RandomNumberGenerator.GetBytes(ExplicitKeyStore.KeySize);
            await _keyStore.StoreKeyAsync(key, cancellationToken).ConfigureAwait(false);
            _key = key;
            Log.KeyCreated(_logger, _path);
        }

        return _key;
    }
}
