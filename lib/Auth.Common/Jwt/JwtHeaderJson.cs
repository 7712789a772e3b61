using System.Text.Json.Serialization;

namespace Auth.Common.Jwt;

/// <summary>A JOSE header for a client assertion signed with a certificate.</summary>
internal sealed class JwtHeaderJson
{
    [JsonPropertyName("alg")]
    public required string Algorithm { get; init; }

    [JsonPropertyName("typ")]
    public string Type { get; init; } = "JWT";

    [JsonPropertyName("x5t#S256")]
    public string? ThumbprintSha256 { get; init; }

    [JsonPropertyName("x5t")]
    public string? ThumbprintSha1 { get; init; }

    [JsonPropertyName("x5c")]
    public string[]? CertificateChain { get; init; }
}
