using System.Text.Json.Serialization;
using Auth.Common.Json;

namespace Auth.Common.Pipeline;

/// <summary>A token endpoint's JSON answer, success and error fields together (RFC 6749 sections 5.1 and 5.2).</summary>
internal sealed class TokenResponseJson
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("expires_in")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? ExpiresIn { get; init; }

    [JsonPropertyName("ext_expires_in")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? ExtExpiresIn { get; init; }

    [JsonPropertyName("refresh_in")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? RefreshIn { get; init; }

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    [JsonPropertyName("id_token")]
    public string? IdToken { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    [JsonPropertyName("client_info")]
    public string? ClientInfo { get; init; }

    /// <summary>Gets the SPA authorization code Entra ID returns when the redemption sent <c>return_spa_code=1</c>.</summary>
    [JsonPropertyName("spa_code")]
    public string? SpaCode { get; init; }

    [JsonPropertyName("foci")]
    public string? FamilyId { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }

    [JsonPropertyName("error_codes")]
    public long[]? ErrorCodes { get; init; }

    [JsonPropertyName("suberror")]
    public string? SubError { get; init; }

    [JsonPropertyName("claims")]
    public string? Claims { get; init; }

    [JsonPropertyName("trace_id")]
    public string? TraceId { get; init; }

    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; init; }
}
