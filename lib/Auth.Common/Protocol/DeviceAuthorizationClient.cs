using System.Text.Json;
using Auth.Common.Errors;
using Auth.Common.Platform;
using Auth.Common.Responses;

namespace Auth.Common.Protocol;

/// <summary>Asks the device authorization endpoint for a device code (RFC 8628 section 3.1).</summary>
internal static class DeviceAuthorizationClient
{
    public static async Task<(string DeviceCode, DeviceCodeInfo Info)> RequestAsync(
        INetworkClient network, Uri endpoint, TokenRequestContent content, IReadOnlyList<string> scopes, Guid correlationId, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = new NetworkRequest { Uri = endpoint, Form = content.Form, Headers = content.Headers, CorrelationId = correlationId };
        var response = await network.SendAsync(request, cancellationToken).ConfigureAwait(false);
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
            throw TokenResponseParser.Parse(response, correlationId, time).Error
                ?? new AuthServiceException(AuthErrorCodes.InvalidResponse, "The device authorization answer lacks device_code, user_code or verification_uri.") { CorrelationId = correlationId };
        }

        var expiresIn = TimeSpan.FromSeconds(Math.Clamp(json.ExpiresIn ?? 900, 1, 86_400));
        var interval = TimeSpan.FromSeconds(Math.Clamp(json.Interval ?? 5, 1, 60));
        Uri.TryCreate(json.VerificationUriComplete, UriKind.Absolute, out var complete);
        return (json.DeviceCode, new DeviceCodeInfo
        {
            UserCode = json.UserCode,
            VerificationUri = verification,
            VerificationUriComplete = complete,
            Message = json.Message ?? $"To sign in, open {verification} in a browser and enter the code {json.UserCode}.",
            ExpiresOn = time.GetUtcNow() + expiresIn,
            Interval = interval,
            Scopes = scopes,
        });
    }
}
