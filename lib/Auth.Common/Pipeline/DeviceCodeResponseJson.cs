using System.Text.Json.Serialization;
using Auth.Common.Json;

namespace Auth.Common.Pipeline;

/// <summary>The device authorization response (RFC 8628 section 3.2); Entra's older verification_url too.</summary>
internal sealed class DeviceCodeResponseJson
{
    [JsonPropertyName("device_code")]
    public string? DeviceCode { get; init; }

    [JsonPropertyName("user_code")]
    public string? UserCode { get; init; }

    [JsonPropertyName("verification_uri")]
    public string? VerificationUri { get; init; }

    [JsonPropertyName("verification_url")]
    public string? VerificationUrl { get; init; }

    [JsonPropertyName("verification_uri_complete")]
    public string? VerificationUriComplete { get; init; }

    [JsonPropertyName("expires_in")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? ExpiresIn { get; init; }

    [JsonPropertyName("interval")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Interval { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
