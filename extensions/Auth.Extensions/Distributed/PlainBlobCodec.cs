using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Auth.Extensions.Distributed;

/// <summary>Stores the cache JSON as UTF-8, unencrypted (no <see cref="DistributedTokenCacheOptions.EncryptionKey"/>).</summary>
internal sealed class PlainBlobCodec : IBlobCodec
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public byte[] Encode(string json, string storageKey) => StrictUtf8.GetBytes(json);

    public bool TryDecode(byte[] blob, string storageKey, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? failure)
    {
        if (AesGcmBlobCodec.HasHeader(blob))
        {
            json = null;
            failure = "the entry is encrypted but no EncryptionKey is configured";
            return false;
        }

        try
        {
            json = StrictUtf8.GetString(blob);
            failure = null;
            return true;
        }
        catch (DecoderFallbackException)
        {
            json = null;
            failure = "the entry is not UTF-8 text";
            return false;
        }
    }
}
