using System.Text.Json;
using System.Text.Json.Nodes;

namespace Auth.Extensions.Persistence;

/// <summary>
/// Merges one partition's serialized entries into the whole-cache JSON of the file: the file's
/// entries of that partition are replaced by the partition's, every other partition's entries and
/// every unknown section are kept. Partition membership follows Auth.Common: the OBO assertion hash,
/// else the home account id, else (app tokens) <c>{client_id}_{realm}_AppTokenCache</c>.
/// </summary>
internal static class CacheFileMerger
{
    private static readonly string[] PartitionedSections = ["Account", "IdToken", "AccessToken", "RefreshToken"];

    public static string Merge(string? fileJson, string partitionJson, string partitionKey)
    {
        var file = ParseObject(fileJson) ?? [];
        foreach (var section in PartitionedSections)
        {
            if (file[section] is JsonObject entries)
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

            if (file[section] is not JsonObject target)
            {
                target = [];
                file[section] = target;
            }

            foreach (var (key, entry) in entries)
            {
                target[key] = entry?.DeepClone();
            }
        }

        return file.ToJsonString();
    }

    /// <summary>The partition an entry of <paramref name="section"/> belongs to (Auth.Common's rules).</summary>
    public static string? PartitionOf(string section, JsonNode? entry)
    {
        if (entry is not JsonObject fields)
        {
            return null;
        }

        var home = Text(fields, "home_account_id");
        var assertion = Text(fields, "user_assertion_hash");
        return section switch
        {
            "Account" => home,
            "IdToken" => home ?? string.Empty,
            "RefreshToken" => !string.IsNullOrEmpty(assertion) ? assertion : home ?? string.Empty,
            "AccessToken" when !string.IsNullOrEmpty(assertion) => assertion,
            "AccessToken" when string.IsNullOrEmpty(home) => $"{Text(fields, "client_id")}_{Text(fields, "realm") ?? string.Empty}_AppTokenCache",
            "AccessToken" => home,
            _ => null,
        };
    }

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
