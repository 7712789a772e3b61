namespace HybridSpa;

/// <summary>Serves the shared stylesheet (<c>samples/Shared/Web/site.css</c>) and the page's script, embedded in the assembly.</summary>
internal static class Assets
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/site.css", () => Serve("site.css", "text/css; charset=utf-8"));
        app.MapGet("/app.js", () => Serve("app.js", "text/javascript; charset=utf-8"));
    }

    private static IResult Serve(string name, string contentType) =>
        Results.Stream(typeof(Assets).Assembly.GetManifestResourceStream(name)!, contentType);
}
