using System.Net;
using System.Text.Json;

namespace HybridSpa;

/// <summary>The sample's pages: the shared stylesheet, a header saying who is signed in, the content, and the page's script with its settings.</summary>
internal static class Page
{
    public const string Brand = "Hybrid SPA sample";

    /// <param name="title">The page title and heading.</param>
    /// <param name="who">The header's account line, already HTML.</param>
    /// <param name="body">The content, already HTML.</param>
    /// <param name="script">The settings for <c>app.js</c> (serialized with HTML-sensitive characters escaped), or null for no script.</param>
    public static string Render(string title, string who, string body, object? script = null) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(title)}</title><link rel="stylesheet" href="/site.css"></head>
        <body>
        <header class="site"><a class="brand" href="/">{Brand}</a><span class="who">{who}</span></header>
        <main><h1 id="title">{WebUtility.HtmlEncode(title)}</h1>{body}</main>
        {(script is null ? string.Empty : $"<script type=\"application/json\" id=\"spa-config\">{JsonSerializer.Serialize(script)}</script><script src=\"/app.js\"></script>")}
        </body>
        </html>
        """;

    /// <summary>An HTML answer that is never cached and sends no Referer (the page can hold a one-time code).</summary>
    public static IResult Html(HttpContext context, string html, string connectTo = "'none'")
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = $"default-src 'none'; script-src 'self'; style-src 'self'; connect-src {connectTo}; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
