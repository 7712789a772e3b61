using System.Net;
using System.Text;

namespace Auth.Server.Interactive;

/// <summary>Writes the listener's small HTTP/1.1 answers (always <c>Connection: close</c>, never cached).</summary>
internal static class LoopbackResponseWriter
{
    public static async Task WriteAsync(Stream stream, int status, string reason, string html, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\n"
            + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static string Page(string title, string message) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p></body></html>";

    public static string Fill(string template, string? error, string? description) =>
        template.Replace("{error}", WebUtility.HtmlEncode(error ?? string.Empty), StringComparison.Ordinal)
            .Replace("{error_description}", WebUtility.HtmlEncode(description ?? string.Empty), StringComparison.Ordinal);
}
