using System.Text.Json.Nodes;
using Auth.Extensions.Distributed;
using Auth.Extensions.Persistence;

namespace Auth.Extensions.Tests.Persistence;

/// <summary>Reads an encrypted cache file the way an outside reader would: decrypt, then parse.</summary>
internal static class EncryptedCacheFile
{
    public static JsonObject Read(string path, byte[] key) =>
        TryRead(File.ReadAllBytes(path), path, key, out var cache, out var failure) ? cache : throw new InvalidDataException(failure);

    /// <summary>Decrypts <paramref name="blob"/>, read from the cache file at <paramref name="path"/> (format version 2, bound to that path).</summary>
    public static bool TryRead(byte[] blob, string path, byte[] key, out JsonObject cache, out string failure)
    {
        cache = [];
        if (!new AesGcmBlobCodec(key, CacheFileBinding.Version).TryDecode(blob, CacheFileBinding.AssociatedData(path), out var json, out var decodeFailure))
        {
            failure = decodeFailure;
            return false;
        }

        try
        {
            cache = JsonNode.Parse(json)!.AsObject();
            failure = string.Empty;
            return true;
        }
        catch (System.Text.Json.JsonException ex)
        {
            failure = ex.Message;
            return false;
        }
    }

    public static int Count(JsonObject cache, string section) => cache[section]?.AsObject().Count ?? 0;
}
