using System.Text.Json.Serialization;

namespace Auth.Common.Pipeline;

/// <summary>Source-generated JSON metadata for token endpoint answers (no reflection; AOT-safe).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = 16)]
[JsonSerializable(typeof(TokenResponseJson))]
[JsonSerializable(typeof(DeviceCodeResponseJson))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext
{
}
