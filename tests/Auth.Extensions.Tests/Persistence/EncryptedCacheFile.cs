using System.Text.Json.Nodes;
using Auth.Extensions.Distributed;
using Auth.Extensions.Persistence;

namespace Auth.Extensions.Tests.Persistence;

/// <summary>Reads an encrypted cache file the way an outside reader would: decrypt, then parse.</summary>
internal static class EncryptedCacheFile
{
    public static JsonObject Read(string path, byte[] key) =>
        TryRead(File.ReadAllBytes(path), key, out var cache, out var failure) ? cache : throw new InvalidDataException(failure);

    public static bool TryRead(byte[] blob, byte[] key, out JsonObject cache, out string failure)
    {
        cache = [];
        if (!new AesGcmBlobCodec(key).TryDecode(blob, EncryptedFilePersistence.AssociatedData, out var json, out var decodeFailure))
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
