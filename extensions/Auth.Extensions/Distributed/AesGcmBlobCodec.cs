using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Auth.Extensions.Distributed;

/// <summary>
/// Encrypts the cache JSON with AES-256-GCM. Blob layout, version 1:
/// <c>'A' 'T' 0x01 | nonce (12 bytes, random per write) | tag (16) | ciphertext</c>.
/// The associated data is the 3-byte header followed by the UTF-8 storage key, so a blob only
/// decrypts under the key it was written to.
/// </summary>
internal sealed class AesGcmBlobCodec : IBlobCodec
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int HeaderSize = 3;
    public const int Overhead = HeaderSize + NonceSize + TagSize;
    private const byte Version = 1;

    private readonly byte[] _key;

    public AesGcmBlobCodec(byte[] key)
    {
        if (!AesGcm.IsSupported)
        {
            throw new PlatformNotSupportedException("AES-GCM is not available on this platform, so the token cache cannot be encrypted.");
        }

        _key = (byte[])key.Clone();
    }

    private static ReadOnlySpan<byte> Header => [(byte)'A', (byte)'T', Version];

    /// <summary>Gets whether <paramref name="blob"/> starts like an encrypted blob of any version.</summary>
    public static bool HasHeader(byte[] blob) => blob.Length >= HeaderSize && blob[0] == 'A' && blob[1] == 'T';

    public byte[] Encode(string json, string storageKey)
    {
        var plaintext = Encoding.UTF8.GetBytes(json);
        var blob = new byte[Overhead + plaintext.Length];
        Header.CopyTo(blob);
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

        if (blob[2] != Version)
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
            failure = "the entry does not decrypt with the configured key (another key, another storage key, or tampered with)";
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] AssociatedData(string storageKey)
    {
        var data = new byte[HeaderSize + Encoding.UTF8.GetByteCount(storageKey)];
        Header.CopyTo(data);
        Encoding.UTF8.GetBytes(storageKey, data.AsSpan(HeaderSize));
        return data;
    }
}
