using System.Globalization;
using Auth.Testing.Http;

namespace Auth.Testing.Errors;

/// <summary>
/// Renders an <see cref="AadError"/> in the Entra ID JSON error shape: <c>error</c>, <c>error_description</c>
/// (with the AADSTS prefix and the trace / correlation / timestamp footer), <c>error_codes</c>,
/// <c>timestamp</c>, <c>trace_id</c>, <c>correlation_id</c> and <c>error_uri</c>; a <see cref="AadError.PlainOAuth"/> error
/// (another provider's) as RFC 6749 §5.2 has it: <c>error</c> and <c>error_description</c> only.
/// </summary>
internal sealed class ErrorReplyWriter
{
    private readonly TimeProvider _timeProvider;
    private readonly Uri _baseUri;

    public ErrorReplyWriter(TimeProvider timeProvider, Uri baseUri)
    {
        _timeProvider = timeProvider;
        _baseUri = baseUri;
    }

    /// <param name="error">The error to render.</param>
    /// <param name="clientRequestId">The caller's <c>client-request-id</c> header, echoed as the correlation id when it is a GUID.</param>
    public HttpReply Write(AadError error, string? clientRequestId)
    {
        if (error.Code == AadError.PlainOAuth)
        {
            return HttpReply.Json(error.StatusCode, JsonText.Object(writer =>
            {
                writer.WriteString("error", error.Error);
                writer.WriteString("error_description", error.Message);
            })).NoStore();
        }

        var traceId = Guid.NewGuid().ToString();
        var correlationId = Guid.TryParse(clientRequestId, out var parsed) ? parsed.ToString() : Guid.NewGuid().ToString();
        var timestamp = Timestamp();
        var code = error.Code.ToString(CultureInfo.InvariantCulture);

        var json = JsonText.Object(writer =>
        {
            writer.WriteString("error", error.Error);
            writer.WriteString("error_description", Describe(error, traceId, correlationId, timestamp));
            writer.WriteStartArray("error_codes");
            writer.WriteNumberValue(error.Code);
            writer.WriteEndArray();
            writer.WriteString("timestamp", timestamp);
            writer.WriteString("trace_id", traceId);
            writer.WriteString("correlation_id", correlationId);
            writer.WriteString("error_uri", $"{_baseUri}error?code={code}");
        });

        return HttpReply.Json(error.StatusCode, json)
            .NoStore()
            .WithHeader("x-ms-request-id", traceId)
            .WithHeader("client-request-id", correlationId);
    }

    /// <summary>The <c>error_description</c> text with fresh trace and correlation ids, for errors sent by redirect or shown on a page.</summary>
    public string Describe(AadError error) =>
        Describe(error, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Timestamp());

    private static string Describe(AadError error, string traceId, string correlationId, string timestamp) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"AADSTS{error.Code}: {error.Message} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}");

    private string Timestamp() =>
        _timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
