using System.Net;

namespace WebApp;

/// <summary>Plain, accessible HTML pages.</summary>
internal static class Page
{
    public static string Render(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>"
        + $"<body><main><h1>{WebUtility.HtmlEncode(title)}</h1>{body}</main></body></html>";
}
