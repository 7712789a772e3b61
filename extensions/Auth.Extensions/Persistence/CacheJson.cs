using System.Text.Json;

namespace Auth.Extensions.Persistence;

/// <summary>Checks that persisted text is a JSON object before the cache sees it.</summary>
internal static class CacheJson
{
    public static bool IsObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
