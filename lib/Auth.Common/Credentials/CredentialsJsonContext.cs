using System.Text.Json.Serialization;
using Auth.Common.Jwt;

namespace Auth.Common.Credentials;

/// <summary>Source-generated JSON metadata for client assertions (no reflection; AOT-safe).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = 16)]
[JsonSerializable(typeof(ClientAssertionClaimsJson))]
[JsonSerializable(typeof(JwtHeaderJson))]
internal sealed partial class CredentialsJsonContext : JsonSerializerContext
{
}
