using Auth.Testing.Clients;
using Auth.Testing.Http;

namespace Auth.Testing.Spa;

/// <summary>
/// CORS for the token endpoint, so a browser's <c>fetch</c> can redeem a SPA code: a request whose <c>Origin</c> is the
/// origin of a registered SPA redirect URI gets <c>Access-Control-Allow-Origin</c> with that origin (success and error
/// answers alike, so the page can read the error), and its <c>OPTIONS</c> preflight is answered 204. Other origins get no
/// CORS header (the browser then hides the answer) and a 403 preflight.
/// </summary>
internal sealed class TokenEndpointCors
{
    private const string AllowedHeaders = "content-type, client-request-id, return-client-request-id, x-client-sku, x-client-ver, x-client-os, x-client-cpu, x-client-current-telemetry, x-client-last-telemetry";

    private readonly ClientRegistry _clients;

    public TokenEndpointCors(ClientRegistry clients) => _clients = clients;

    /// <summary>Answers an <c>OPTIONS</c> preflight of the token endpoint.</summary>
    public HttpReply Preflight(IReadOnlyDictionary<string, string> headers)
    {
        if (AllowedOrigin(headers) is not { } origin)
        {
            return HttpReply.Json(403, "{\"error\":\"invalid_request\",\"error_description\":\"This origin is not the origin of a registered single-page application redirect URI.\"}");
        }

        return Allow(new HttpReply(204, string.Empty, "text/plain"), origin)
            .WithHeader("Access-Control-Allow-Methods", "POST, OPTIONS")
            .WithHeader("Access-Control-Allow-Headers", AllowedHeaders)
            .WithHeader("Access-Control-Max-Age", "86400");
    }

    /// <summary>Adds the CORS headers to a token endpoint answer when the request's origin is a SPA's.</summary>
    public HttpReply Apply(HttpReply reply, IReadOnlyDictionary<string, string> headers) =>
        AllowedOrigin(headers) is { } origin ? Allow(reply, origin) : reply;

    private static HttpReply Allow(HttpReply reply, string origin) =>
        reply.WithHeader("Access-Control-Allow-Origin", origin).WithHeader("Vary", "Origin");

    private string? AllowedOrigin(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("Origin", out var origin) && _clients.IsSpaOrigin(origin) ? origin : null;
}
