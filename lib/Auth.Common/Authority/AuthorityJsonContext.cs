using System.Text.Json.Serialization;

namespace Auth.Common.Authority;

/// <summary>Source-generated JSON metadata for authority documents (no reflection; AOT-safe).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = 16)]
[JsonSerializable(typeof(OpenIdConfigurationJson))]
[JsonSerializable(typeof(InstanceDiscoveryJson))]
internal sealed partial class AuthorityJsonContext : JsonSerializerContext
{
}
