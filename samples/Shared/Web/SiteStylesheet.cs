namespace Samples.Web;

/// <summary>
/// <c>GET /site.css</c>: the web samples' one stylesheet (samples/Shared/Web/site.css), embedded in the sample's
/// assembly (<c>&lt;EmbeddedResource Include="../Shared/Web/site.css" LogicalName="site.css" /&gt;</c>), so it is served
/// whatever the working directory. No CDN, no build step.
/// </summary>
internal static class SiteStylesheet
{
    public const string Path = "/site.css";

    public static void Map(WebApplication app)
    {
        using var stream = typeof(SiteStylesheet).Assembly.GetManifestResourceStream("site.css")
            ?? throw new InvalidOperationException("site.css is not embedded in this sample: add it as an EmbeddedResource.");
        using var reader = new StreamReader(stream);
        var css = reader.ReadToEnd();
        app.MapGet(Path, () => Results.Text(css, "text/css; charset=utf-8"));
    }
}
