using System.Net;
using System.Text;
using Auth.Testing.Http;

namespace Auth.Testing.Authorization;

/// <summary>
/// The sign-in page a browser sees: plain, accessible HTML with a title, labelled username and password fields,
/// the permissions the app asks for, and "Sign in" / "Cancel" buttons that POST back to the same URL.
/// Everything echoed from the request is HTML-encoded.
/// </summary>
internal static class SignInPage
{
    public const string Title = "Sign in to your account";

    /// <param name="request">The validated authorization request.</param>
    /// <param name="query">The request's query string (no leading '?'), repeated in the form's action.</param>
    /// <param name="username">The username to pre-fill (<c>login_hint</c>, or what the user typed).</param>
    /// <param name="error">A message shown above the form, e.g. after a wrong password.</param>
    public static HttpReply Render(AuthorizeRequest request, string query, string? username, string? error)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Title).Append("</title>")
            .Append("<style>body{font-family:sans-serif;max-width:30rem;margin:2rem auto;line-height:1.5}input{width:100%;font-size:1rem}[role=alert]{color:#a4262c;font-weight:bold}</style>")
            .Append("</head><body><main><h1>Sign in</h1>")
            .Append("<p>to continue to <strong id=\"client\">").Append(Encode(request.ClientId)).Append("</strong></p>");
        if (error is not null)
        {
            html.Append("<p id=\"error\" role=\"alert\">").Append(Encode(error)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"?").Append(Encode(query)).Append("\">")
            .Append("<p><label for=\"username\">Username</label><br><input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\" required value=\"")
            .Append(Encode(username ?? string.Empty)).Append("\"></p>")
            .Append("<p><label for=\"password\">Password</label><br><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>")
            .Append("<h2>The app asks to</h2><ul id=\"scopes\">");
        foreach (var scope in request.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<li>").Append(Encode(scope)).Append("</li>");
        }

        html.Append("</ul><p><button type=\"submit\" name=\"action\" value=\"signin\">Sign in</button> ")
            .Append("<button type=\"submit\" name=\"action\" value=\"cancel\" formnovalidate>Cancel</button></p>")
            .Append("</form></main></body></html>");
        return HttpReply.Html(200, html.ToString());
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
