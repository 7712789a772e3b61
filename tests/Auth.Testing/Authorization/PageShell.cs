using System.Net;
using System.Text;

namespace Auth.Testing.Authorization;

/// <summary>
/// The frame of the fake's pages: the samples' shared stylesheet (<c>samples/Shared/Web/site.css</c>, embedded as the
/// resource <c>site.css</c>) inlined, a header naming the authority, and the page's own markup in <c>main</c>.
/// </summary>
internal static class PageShell
{
    private static readonly Lazy<string> Css = new(ReadCss);

    /// <param name="title">The document title, HTML-encoded here.</param>
    /// <param name="brand">The header's text, e.g. the tenant; HTML-encoded here.</param>
    /// <param name="main">The page's markup, already encoded.</param>
    public static string Render(string title, string brand, string main) =>
        new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(Encode(title)).Append("</title>")
            .Append("<style>").Append(Css.Value).Append("</style></head><body>")
            .Append("<header class=\"site\"><span class=\"brand\">").Append(Encode(brand)).Append("</span><span class=\"who\">FakeAuthority</span></header>")
            .Append("<main>").Append(main).Append("</main></body></html>")
            .ToString();

    public static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string ReadCss()
    {
        using var stream = typeof(PageShell).Assembly.GetManifestResourceStream("site.css")
            ?? throw new InvalidOperationException("The embedded resource site.css is missing from Auth.Testing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
