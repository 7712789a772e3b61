using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Auth.Extensions.Distributed;

/// <summary>
/// Encrypts the cache JSON with AES-256-GCM. Blob layout:
/// <c>'A' 'T' version | nonce (12 bytes, random per write) | tag (16) | ciphertext</c>.
/// The associated data is the 3-byte header followed by the UTF-8 storage key (for the distributed
/// cache, version 1) or the binding string of the cache file (<see cref="Persistence.CacheFileBinding"/>),
/// so a blob only decrypts under the key or path it was written to, and only as the version it was
/// written as.
/// </summary>
internal sealed class AesGcmBlobCodec : IBlobCodec
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int HeaderSize = 3;
    public const int Overhead = HeaderSize + NonceSize + TagSize;
    private readonly byte[] _key;
    private readonly byte[] _header;

    /// <summary>Creates the codec of blobs of format <paramref name="version"/> (1 unless a caller has a newer layout of its associated data).</summary>
    public AesGcmBlobCodec(byte[] key, byte version = 1)
    {
        if (!AesGcm.IsSupported)
        {
            throw new PlatformNotSupportedException("AES-GCM is not available on this platform, so the token cache cannot be encrypted.");
        }

        _key = (byte[])key.Clone();
        _header = [(byte)'A', (byte)'T', version];
    }

    /// <summary>Gets whether <paramref name="blob"/> starts like an encrypted blob of any version.</summary>
    public static bool HasHeader(byte[] blob) => blob.Length >= HeaderSize && blob[0] == 'A' && blob[1] == 'T';

    public byte[] Encode(string json, string storageKey)
    {
        var plaintext = Encoding.UTF8.GetBytes(json);
        var blob = new byte[Overhead + plaintext.Length];
        _header.CopyTo(blob, 0);
        var nonce = blob.AsSpan(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, blob.AsSpan(Overhead), blob.AsSpan(HeaderSize + NonceSize, TagSize), AssociatedData(storageKey));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return blob;
    }

    public bool TryDecode(byte[] blob, string storageKey, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? failure)
    {
        json = null;
        if (!HasHeader(blob) || blob.Length < Overhead)
        {
            failure = "the entry is not an encrypted token cache blob";
            return false;
        }

        if (blob[2] != _header[2])
        {
            failure = $"the entry has unknown format version {blob[2]}";
            return false;
        }

        var plaintext = new byte[blob.Length - Overhead];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(blob.AsSpan(HeaderSize, NonceSize), blob.AsSpan(Overhead), blob.AsSpan(HeaderSize + NonceSize, TagSize), plaintext, AssociatedData(storageKey));
            json = Encoding.UTF8.GetString(plaintext);
            failure = null;
            return true;
        }
        catch (CryptographicException)
        {
            failure = "the entry does not decrypt with the configured key (written with another key, under another storage key or cache path, or tampered with)";
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private byte[] AssociatedData(string storageKey)
    {
        var data = new byte[HeaderSize + Encoding.UTF8.GetByteCount(storageKey)];
        _header.CopyTo(data, 0);
        Encoding.UTF8.GetBytes(storageKey, data.AsSpan(HeaderSize));
        return data;
    }
}
