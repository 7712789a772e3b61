using System.Text.Json;
using Auth.Common.Errors;

namespace Auth.Common.Cache;

/// <summary>Reads and writes the unified cache JSON (CACHE-SCHEMA.md).</summary>
internal static class CacheSerializer
{
    public static CacheDocument Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new CacheDocument();
        }

        try
        {
            return JsonSerializer.Deserialize(json, CacheJsonContext.Default.CacheDocument) ?? new CacheDocument();
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // ArgumentException: the text holds a lone UTF-16 surrogate, which no JSON can carry.
            throw new AuthClientException(
                AuthErrorCodes.CacheDeserializationFailed,
                "The token cache JSON could not be read: it is not valid JSON (or not valid UTF-16 text) or a field has the wrong type. The cache was left unchanged.",
                ex);
        }
    }

    public static string Write(
        IEnumerable<CachePartition> partitions,
        IEnumerable<AppMetadataEntity> appMetadata,
        Dictionary<string, JsonElement>? unknownSections)
    {
        var document = new CacheDocument
        {
            Accounts = [],
            IdTokens = [],
            AccessTokens = [],
            RefreshTokens = [],
            AppMetadata = [],
            UnknownSections = unknownSections,
        };
        foreach (var partition in partitions)
        {
            partition.CopyTo(document);
        }

        foreach (var metadata in appMetadata)
        {
            document.AppMetadata[metadata.Key()] = metadata;
        }

        return JsonSerializer.Serialize(document, CacheJsonContext.Default.CacheDocument);
    }

    /// <summary>Writes a document that holds only <paramref name="accounts"/> (an alias partition: no tokens, no app metadata).</summary>
    public static string WriteAccounts(IEnumerable<AccountEntity> accounts)
    {
        var document = new CacheDocument { Accounts = [] };
        foreach (var account in accounts)
        {
            document.Accounts[account.Key()] = account;
        }

        return JsonSerializer.Serialize(document, CacheJsonContext.Default.CacheDocument);
    }
}
