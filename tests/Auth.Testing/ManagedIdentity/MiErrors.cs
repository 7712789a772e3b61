using Auth.Testing.Http;

namespace Auth.Testing.ManagedIdentity;

/// <summary>Writes a source's error answers in its <see cref="MiErrorShape"/>.</summary>
internal static class MiErrors
{
    /// <param name="shape">The body shape.</param>
    /// <param name="statusCode">The HTTP status, also written into the message shape.</param>
    /// <param name="code">The error code (<c>error</c>, or <c>error.code</c>; not written in the message shape).</param>
    /// <param name="message">The human-readable text.</param>
    public static HttpReply Write(MiErrorShape shape, int statusCode, string code, string message) =>
        HttpReply.Json(statusCode, shape switch
        {
            MiErrorShape.OAuth => JsonText.Object(writer =>
            {
                writer.WriteString("error", code);
                writer.WriteString("error_description", message);
            }),
            MiErrorShape.Message => JsonText.Object(writer =>
            {
                writer.WriteNumber("statusCode", statusCode);
                writer.WriteString("message", message);
                writer.WriteString("correlationId", Guid.NewGuid().ToString());
            }),
            _ => JsonText.Object(writer =>
            {
                writer.WriteStartObject("error");
                writer.WriteString("code", code);
                writer.WriteString("message", message);
                writer.WriteEndObject();
            }),
        });
}
