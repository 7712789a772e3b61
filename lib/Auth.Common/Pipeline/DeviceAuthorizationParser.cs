using System.Text.Json;
using Auth.Common.Errors;
using Auth.Common.Platform;
using Auth.Common.Responses;

namespace Auth.Common.Pipeline;

/// <summary>
/// Turns the device authorization endpoint's answer (RFC 8628 section 3.2) into a result. The
/// verification URIs are shown to the user, who types the code there: they must be https (RFC 8628
/// section 5.4 asks for TLS), or plain http on loopback only when the authority itself is an http
/// loopback authority (<c>AllowInsecureLoopbackAuthority</c>, for tests).
/// </summary>
internal static class DeviceAuthorizationParser
{
    public static PipelineResult<DeviceAuthorization> Parse(NetworkResponse response, IReadOnlyList<string> scopes, Guid correlationId, TimeProvider time, bool allowInsecureLoopback = false)
    {
        DeviceCodeResponseJson? json = null;
        try
        {
            json = response.IsSuccess ? JsonSerializer.Deserialize(response.Body, ProtocolJsonContext.Default.DeviceCodeResponseJson) : null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // Unreadable (ArgumentException: a lone UTF-16 surrogate): reported below as invalid_response.
        }

        if (json is not { DeviceCode.Length: > 0, UserCode.Length: > 0 }
            || !Uri.TryCreate(json.VerificationUri ?? json.VerificationUrl, UriKind.Absolute, out var verification))
        {
            return PipelineResult<DeviceAuthorization>.Failure(
                TokenResponseParser.Parse(response, correlationId, time).Error
                ?? new AuthServiceException(AuthErrorCodes.InvalidResponse, "The device authorization answer lacks device_code, user_code or verification_uri.") { CorrelationId = correlationId });
        }

        Uri.TryCreate(json.VerificationUriComplete, UriKind.Absolute, out var complete);
        if (!IsSecure(verification, allowInsecureLoopback) || (complete is not null && !IsSecure(complete, allowInsecureLoopback)))
        {
            var bad = IsSecure(verification, allowInsecureLoopback) ? complete! : verification;
            return PipelineResult<DeviceAuthorization>.Failure(new AuthServiceException(
                AuthErrorCodes.InvalidResponse,
                $"The device authorization answer's verification URI is not https (scheme '{ServerText.Text(bad.Scheme, 32)}'), so the user would enter the code on a page anyone on the network can read or replace. Check the authority.")
            {
                StatusCode = response.StatusCode,
                CorrelationId = correlationId,
            });
        }

        var expiresIn = TimeSpan.FromSeconds(Math.Clamp(json.ExpiresIn ?? 900, 1, 86_400));
        var interval = TimeSpan.FromSeconds(Math.Clamp(json.Interval ?? 5, 1, 60));
        return PipelineResult<DeviceAuthorization>.Success(new DeviceAuthorization(json.DeviceCode, new DeviceCodeInfo
        {
            UserCode = json.UserCode,
            VerificationUri = verification,
            VerificationUriComplete = complete,
            Message = json.Message ?? $"To sign in, open {verification} in a browser and enter the code {json.UserCode}.",
            ExpiresOn = time.GetUtcNow() + expiresIn,
            Interval = interval,
            Scopes = scopes,
        }));
    }

    private static bool IsSecure(Uri uri, bool allowInsecureLoopback) =>
        uri.Scheme == Uri.UriSchemeHttps || (allowInsecureLoopback && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
}
