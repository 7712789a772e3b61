using System.Text.Json;
using Auth.Common.Errors;
using Auth.Common.Platform;

namespace Auth.Common.Pipeline;

/// <summary>Turns a token endpoint's HTTP answer into a <see cref="PipelineResult{T}"/>.</summary>
internal static class TokenResponseParser
{
    public static PipelineResult<TokenResponseJson> Parse(NetworkResponse response, Guid correlationId, TimeProvider time)
    {
        var json = TryRead(response.Body, out var readError);
        if (json?.Error is { Length: > 0 })
        {
            return PipelineResult<TokenResponseJson>.Failure(ServiceErrorMapper.FromOAuthError(json, response, correlationId, time));
        }

        if (!response.IsSuccess)
        {
            return PipelineResult<TokenResponseJson>.Failure(ServiceErrorMapper.FromHttpStatus(response, correlationId, time));
        }

        if (json is null)
        {
            return PipelineResult<TokenResponseJson>.Failure(Invalid(response, correlationId, "is not valid JSON", readError));
        }

        if (string.IsNullOrEmpty(json.AccessToken))
        {
            return PipelineResult<TokenResponseJson>.Failure(Invalid(response, correlationId, "has no access_token", null));
        }

        if (json.ExpiresIn is not > 0)
        {
            return PipelineResult<TokenResponseJson>.Failure(Invalid(response, correlationId, "has no positive expires_in", null));
        }

        if (json.TokenType is { Length: > 0 } type && !type.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return PipelineResult<TokenResponseJson>.Failure(new AuthServiceException(
                AuthErrorCodes.UnexpectedTokenType,
                $"The authority returned a token of type '{ServerText.Text(type, 32)}' where a Bearer token was requested. The token was discarded.")
            {
                StatusCode = response.StatusCode,
                CorrelationId = correlationId,
            });
        }

        return PipelineResult<TokenResponseJson>.Success(json);
    }

    private static TokenResponseJson? TryRead(string body, out Exception? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.TokenResponseJson);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // ArgumentException: the body holds a lone UTF-16 surrogate (only a custom INetworkClient can pass one).
            error = ex;
            return null;
        }
    }

    private static AuthServiceException Invalid(NetworkResponse response, Guid correlationId, string problem, Exception? inner) =>
        new(AuthErrorCodes.InvalidResponse, $"The token endpoint's answer (HTTP {response.StatusCode}{ServiceErrorMapper.BodyKind(response)}) {problem}. Check that the authority is an OAuth 2.0 token service; retry later if it is.", inner)
        {
            StatusCode = response.StatusCode,
            CorrelationId = correlationId,
        };
}
