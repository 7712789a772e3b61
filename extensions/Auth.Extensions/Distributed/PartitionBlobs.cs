using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Extensions.Logging;
using Microsoft.Extensions.Logging;

namespace Auth.Extensions.Distributed;

/// <summary>
/// Turns a cache partition into its stored blob and back, through the configured codec. A blob
/// that does not decode or is not valid cache JSON is logged (without its content) and refused.
/// </summary>
internal sealed class PartitionBlobs
{
    private readonly IBlobCodec _codec;
    private readonly ILogger _logger;

    public PartitionBlobs(byte[]? encryptionKey, ILogger logger)
    {
        _codec = encryptionKey is null ? new PlainBlobCodec() : new AesGcmBlobCodec(encryptionKey);
        _logger = logger;
    }

    /// <summary>Gets whether blobs are encrypted (an encryption key is configured).</summary>
    public bool IsEncrypted => _codec is AesGcmBlobCodec;

    public byte[] Save(TokenCacheContext context, string storageKey) => _codec.Encode(context.TokenCache.Serialize(), storageKey);

    /// <summary>
    /// Replaces the partition with the blob's entries; false (partition untouched) when the blob is
    /// unreadable. <paramref name="label"/> names the partition in log lines.
    /// </summary>
    public bool TryLoad(TokenCacheContext context, string storageKey, byte[] blob, string label)
    {
        if (!_codec.TryDecode(blob, storageKey, out var json, out var failure))
        {
            Log.EntryUnreadable(_logger, label, failure);
            return false;
        }

        try
        {
            context.TokenCache.Deserialize(json);
        }
        catch (AuthClientException)
        {
            Log.EntryUnreadable(_logger, label, "the entry is not valid token cache JSON");
            return false;
        }

        Log.EntryLoaded(_logger, label, blob.Length);
        return true;
    }
}
