using System.Net;
using System.Security.Claims;
using Samples.Web;

namespace B2CUserFlows;

/// <summary>The app's pages: the shared stylesheet, a header saying who is signed in, the page's content.</summary>
internal static class Layout
{
    public static IResult Page(ClaimsPrincipal user, string title, string body)
    {
        var who = user.Identity?.IsAuthenticated == true
            ? $"Signed in as <strong id=\"user\">{Encode(user.Identity.Name ?? "user")}</strong> · <a href=\"/signout\">Sign out</a>"
            : "Not signed in";
        return Results.Content(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{Encode(title)}</title><link rel=\"stylesheet\" href=\"{SiteStylesheet.Path}\"></head><body>"
            + $"<header class=\"site\"><a class=\"brand\" href=\"/\">Contoso B2C sample</a><span class=\"who\">{who}</span></header>"
            + $"<main><h1>{Encode(title)}</h1>{body}</main></body></html>",
            "text/html; charset=utf-8");
    }

    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
