using System.Net;
using Samples.Web;

namespace WebApp;

/// <summary>Accessible HTML pages in the samples' one stylesheet: a header with who is signed in, the page's content, tables of name and value.</summary>
internal static class Page
{
    public static string Render(HttpContext context, string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<title>{Encode(title)}</title><link rel=\"stylesheet\" href=\"{SiteStylesheet.Path}\"></head>"
        + $"<body>{Header(context)}<main><h1>{Encode(title)}</h1>{body}</main></body></html>";

    public static IResult Html(HttpContext context, string title, string body) =>
        Results.Content(Render(context, title, body), "text/html; charset=utf-8");

    /// <summary>A table of names and values (claims, a profile); a row's value cell gets the id <c>{idPrefix}-{name}</c> (spaces as hyphens) when a prefix is given.</summary>
    public static string Table(IEnumerable<(string Name, string? Value)> rows, string? idPrefix = null) =>
        "<table class=\"claims\"><tbody>"
        + string.Concat(rows.Select(r => $"<tr><th scope=\"row\">{Encode(r.Name)}</th><td{(idPrefix is null ? string.Empty : $" id=\"{Encode(idPrefix + "-" + r.Name.Replace(' ', '-'))}\"")}>{Encode(r.Value ?? "—")}</td></tr>"))
        + "</tbody></table>";

    /// <summary>An error the user should see, with what to do about it.</summary>
    public static string Error(string message, string? remedy = null) =>
        $"<div class=\"error\" role=\"alert\"><p>{Encode(message)}</p>{(remedy is null ? string.Empty : $"<div>{remedy}</div>")}</div>";

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string Header(HttpContext context)
    {
        var who = context.User.Identity is { IsAuthenticated: true, Name: var name }
            ? $"Signed in as <strong id=\"user\">{Encode(name)}</strong> · <a href=\"/signout\">Sign out</a>"
            : "Not signed in";
        return $"<header class=\"site\"><a class=\"brand\" href=\"/\">Auth sample web app</a><span class=\"who\">{who}</span></header>";
    }
}
