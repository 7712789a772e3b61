using System.Text.Json.Serialization;

namespace Auth.Common.Cache;

/// <summary>Source-generated JSON metadata for the unified cache schema (no reflection; AOT-safe).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 32)]
[JsonSerializable(typeof(CacheDocument))]
[JsonSerializable(typeof(TenantProfileJson))]
internal sealed partial class CacheJsonContext : JsonSerializerContext
{
}
