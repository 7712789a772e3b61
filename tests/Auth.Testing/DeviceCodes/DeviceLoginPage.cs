using System.Net;
using System.Text;
using Auth.Testing.Http;

namespace Auth.Testing.DeviceCodes;

/// <summary>
/// The device verification page (<c>verification_uri</c>, RFC 8628 §3.3) a user opens on another device: labelled
/// code, username and password fields and a "Sign in" button that POSTs back; then a result page. Everything echoed
/// is HTML-encoded.
/// </summary>
internal static class DeviceLoginPage
{
    public const string Title = "Enter code";

    public const string SignedInTitle = "Device signed in";

    public static HttpReply Form(string? userCode, string? username, string? error)
    {
        var html = Start(Title).Append("<h1>Enter code</h1><p>Enter the code shown on your device and sign in.</p>");
        if (error is not null)
        {
            html.Append("<p id=\"error\" role=\"alert\">").Append(Encode(error)).Append("</p>");
        }

        html.Append("<form method=\"post\">")
            .Append("<p><label for=\"code\">Code</label><br><input id=\"code\" name=\"code\" type=\"text\" autocomplete=\"off\" required value=\"").Append(Encode(userCode ?? string.Empty)).Append("\"></p>")
            .Append("<p><label for=\"username\">Username</label><br><input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\" required value=\"").Append(Encode(username ?? string.Empty)).Append("\"></p>")
            .Append("<p><label for=\"password\">Password</label><br><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>")
            .Append("<p><button type=\"submit\">Sign in</button></p></form>");
        return HttpReply.Html(error is null ? 200 : 400, End(html));
    }

    public static HttpReply SignedIn(string username, string clientId)
    {
        var html = Start(SignedInTitle)
            .Append("<h1>You are signed in</h1><p id=\"result\">").Append(Encode(username)).Append(" signed in to <strong>").Append(Encode(clientId))
            .Append("</strong> on your device. You can close this window.</p>");
        return HttpReply.Html(200, End(html));
    }

    private static StringBuilder Start(string title) => new StringBuilder()
        .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title>")
        .Append("<style>body{font-family:sans-serif;max-width:30rem;margin:2rem auto;line-height:1.5}input{width:100%;font-size:1rem}[role=alert]{color:#a4262c;font-weight:bold}</style>")
        .Append("</head><body><main>");

    private static string End(StringBuilder html) => html.Append("</main></body></html>").ToString();

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
