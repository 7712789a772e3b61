using System.Text.Json.Serialization;

namespace Auth.Common.Credentials;

/// <summary>The claims of a client assertion (RFC 7523 section 3).</summary>
internal sealed class ClientAssertionClaimsJson
{
    [JsonPropertyName("aud")]
    public required string Audience { get; init; }

    [JsonPropertyName("iss")]
    public required string Issuer { get; init; }

    [JsonPropertyName("sub")]
    public required string Subject { get; init; }

    [JsonPropertyName("jti")]
    public required string JwtId { get; init; }

    [JsonPropertyName("nbf")]
    public long NotBefore { get; init; }

    [JsonPropertyName("iat")]
    public long IssuedAt { get; init; }

    [JsonPropertyName("exp")]
    public long Expires { get; init; }
}
