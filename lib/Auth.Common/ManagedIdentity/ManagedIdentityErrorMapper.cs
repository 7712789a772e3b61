using System.Text.Json;
using Auth.Common.Errors;
using Auth.Common.Pipeline;
using Auth.Common.Platform;

namespace Auth.Common.ManagedIdentity;

/// <summary>
/// Turns an error answer of any source into an <see cref="AuthServiceException"/> that names the source. Sources answer in
/// three shapes: OAuth's <c>error</c>/<c>error_description</c> (IMDS, Arc, Service Fabric), <c>message</c>/<c>correlationId</c>
/// (App Service), and <c>{"error":{"code","message"}}</c> (Cloud Shell). Their text is cleaned and bounded.
/// </summary>
internal static class ManagedIdentityErrorMapper
{
    public static AuthServiceException Map(NetworkResponse response, ManagedIdentityEndpoint endpoint, TimeProvider time, Guid correlationId)
    {
        var (error, description) = Read(response.Body);
        var text = description ?? error ?? (response.Body.Length == 0 ? "no body" : "a body that is not JSON");
        var notFound = response.StatusCode == 400 && text.Contains("identity", StringComparison.OrdinalIgnoreCase);
        var code = notFound ? AuthErrorCodes.ManagedIdentityNotFound : AuthErrorCodes.ManagedIdentityRequestFailed;
        var advice = notFound
            ? "Check that the identity is enabled (system-assigned) or attached to this resource (user-assigned), and that the id is right."
            : "Check the host's managed identity configuration; a 5xx or 429 was retried as the platform advises.";
        return new AuthServiceException(
            code,
            $"The {endpoint.Source} managed identity endpoint answered HTTP {response.StatusCode}: {ServerText.Text(text)}. {advice}")
        {
            Error = error,
            ErrorDescription = description,
            StatusCode = response.StatusCode,
            RetryAfter = ServiceErrorMapper.RetryAfter(response, time),
            CorrelationId = correlationId,
        };
    }

    private static (string? Error, string? Description) Read(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            if (root.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object)
            {
                return (ServerText.CodeOrNull(StringOf(nested, "code")), ServerText.TextOrNull(StringOf(nested, "message")));
            }

            var error = ServerText.CodeOrNull(StringOf(root, "error"));
            var description = ServerText.TextOrNull(StringOf(root, "error_description") ?? StringOf(root, "message"));
            return (error, description);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
