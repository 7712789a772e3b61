using System.Text.Json.Serialization;
using Auth.Common.Authority;

namespace Auth.Common.Protocol;

/// <summary>Source-generated JSON metadata for the protocol documents (no reflection; AOT-safe).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = 16)]
[JsonSerializable(typeof(TokenResponseJson))]
[JsonSerializable(typeof(DeviceCodeResponseJson))]
[JsonSerializable(typeof(OpenIdConfigurationJson))]
[JsonSerializable(typeof(InstanceDiscoveryJson))]
[JsonSerializable(typeof(ClientAssertionClaimsJson))]
[JsonSerializable(typeof(JwtHeaderJson))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext
{
}
