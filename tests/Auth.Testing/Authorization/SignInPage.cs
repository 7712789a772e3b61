using System.Text;
using Auth.Testing.Http;

namespace Auth.Testing.Authorization;

/// <summary>
/// The sign-in page a browser sees: accessible HTML in the samples' stylesheet (<see cref="PageShell"/>) with a title,
/// labelled username and password fields, the permissions the app asks for, and "Sign in" / "Cancel" buttons that POST
/// back to the same URL. Everything echoed from the request is HTML-encoded.
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
            .Append("<h1>Sign in</h1>")
            .Append("<p class=\"note\">to continue to <strong id=\"client\">").Append(Encode(request.ClientId)).Append("</strong></p>");
        if (error is not null)
        {
            html.Append("<p id=\"error\" class=\"error\" role=\"alert\">").Append(Encode(error)).Append("</p>");
        }

        html.Append("<form class=\"sign-in\" method=\"post\" action=\"?").Append(Encode(query)).Append("\">")
            .Append("<label for=\"username\">Username</label><input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\" required value=\"")
            .Append(Encode(username ?? string.Empty)).Append("\">")
            .Append("<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
            .Append("<h2>The app asks to</h2><ul id=\"scopes\">");
        foreach (var scope in request.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<li>").Append(Encode(scope)).Append("</li>");
        }

        html.Append("</ul><nav class=\"actions\"><button type=\"submit\" name=\"action\" value=\"signin\">Sign in</button>")
            .Append("<button type=\"submit\" name=\"action\" value=\"cancel\" class=\"button secondary\" formnovalidate>Cancel</button></nav>")
            .Append("</form>");
        return HttpReply.Html(200, PageShell.Render(Title, request.Tenant, html.ToString()));
    }

    private static string Encode(string value) => PageShell.Encode(value);
}
