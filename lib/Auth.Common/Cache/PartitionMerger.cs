using System.Text.Json;
using System.Text.Json.Nodes;

namespace Auth.Common.Cache;

/// <summary>
/// Merges one partition's serialized entries into a whole-cache document, for stores that keep every
/// partition in one document (a file shared by processes): the document's entries of that partition
/// (by <see cref="PartitionRule"/>) are replaced by the partition's; every other partition's entries,
/// the app metadata and every section this library does not know are kept.
/// </summary>
public static class PartitionMerger
{
    /// <summary>Returns <paramref name="documentJson"/> with partition <paramref name="partitionKey"/> replaced by <paramref name="partitionJson"/>.</summary>
    /// <param name="documentJson">The whole-cache JSON; null, empty or unreadable counts as an empty cache.</param>
    /// <param name="partitionJson">The partition's JSON, as <see cref="ISerializableTokenCache.Serialize"/> wrote it.</param>
    /// <param name="partitionKey">The partition's key (<see cref="TokenCacheContext.PartitionKey"/>).</param>
    /// <returns>The merged whole-cache JSON.</returns>
    public static string Merge(string? documentJson, string partitionJson, string partitionKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        var document = ParseObject(documentJson) ?? [];
        foreach (var section in PartitionRule.PartitionedSections)
        {
            if (document[section] is JsonObject entries)
            {
                foreach (var key in entries.Where(e => PartitionOf(section, e.Value) == partitionKey).Select(e => e.Key).ToList())
                {
                    entries.Remove(key);
                }
            }
        }

        foreach (var (section, node) in ParseObject(partitionJson) ?? [])
        {
            if (node is not JsonObject entries)
            {
                continue;
            }

            if (document[section] is not JsonObject target)
            {
                target = [];
                document[section] = target;
            }

            foreach (var (key, entry) in entries)
            {
                target[key] = entry?.DeepClone();
            }
        }

        return document.ToJsonString();
    }

    /// <summary>Returns the partition of a serialized entry of <paramref name="section"/>, or null.</summary>
    /// <param name="section">The cache section the entry is in.</param>
    /// <param name="entry">The entry's JSON object.</param>
    /// <returns>The partition key, or null when the entry is not an object or the section is not partitioned.</returns>
    public static string? PartitionOf(string section, JsonNode? entry) =>
        entry is JsonObject fields
            ? PartitionRule.Of(section, Text(fields, "home_account_id"), Text(fields, "user_assertion_hash"), Text(fields, "client_id"), Text(fields, "realm"))
            : null;

    private static string? Text(JsonObject fields, string name) =>
        fields[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static JsonObject? ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
