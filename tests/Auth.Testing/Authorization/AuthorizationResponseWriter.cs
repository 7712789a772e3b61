using System.Net;
using System.Text;
using Auth.Testing.Errors;
using Auth.Testing.Http;

namespace Auth.Testing.Authorization;

/// <summary>
/// Answers the browser: the authorization response or error by redirect (<c>query</c> or <c>fragment</c>,
/// RFC 6749 §4.1.2) or by an auto-submitting form (<c>form_post</c>), with <c>state</c> and, when the authority sends it,
/// <c>iss</c> (RFC 9207); errors that cannot be redirected are shown as a page.
/// </summary>
internal sealed class AuthorizationResponseWriter
{
    private readonly ErrorReplyWriter _errors;

    public AuthorizationResponseWriter(ErrorReplyWriter errors)
    {
        _errors = errors;
    }

    public static HttpReply Success(RedirectTarget target, string code) => Send(target, [("code", code)]);

    /// <param name="target">Where the error goes.</param>
    /// <param name="error">The error.</param>
    /// <param name="description">The <c>error_description</c> verbatim; Entra's AADSTS text with a trace footer when <see langword="null"/>.</param>
    public HttpReply Error(RedirectTarget target, AadError error, string? description = null) =>
        Send(target, [("error", error.Error), ("error_description", description ?? _errors.Describe(error))]);

    /// <summary>An error page for requests whose client or redirect URI cannot be trusted (nothing is redirected).</summary>
    public HttpReply ErrorPage(AadError error)
    {
        var text = WebUtility.HtmlEncode(_errors.Describe(error));
        var code = WebUtility.HtmlEncode(error.Error);
        return HttpReply.Html(
            error.StatusCode,
            $"<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><h1>Sorry, but we're having trouble signing you in.</h1><p id=\"error\" data-error=\"{code}\">{text}</p></body></html>");
    }

    private static HttpReply Send(RedirectTarget target, List<(string Name, string Value)> parameters)
    {
        if (target.State is not null)
        {
            parameters.Add(("state", target.State));
        }

        if (target.Issuer is not null)
        {
            parameters.Add(("iss", target.Issuer));
        }

        if (target.ResponseMode == "form_post")
        {
            return HttpReply.Html(200, FormPost(target.RedirectUri, parameters));
        }

        var separator = target.ResponseMode == "fragment" ? "#" : target.RedirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var encoded = parameters.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value));
        return HttpReply.Redirect(target.RedirectUri + separator + string.Join('&', encoded));
    }

    private static string FormPost(string action, List<(string Name, string Value)> parameters)
    {
        var html = new StringBuilder("<html><head><title>Working...</title></head><body><form method=\"POST\" name=\"hiddenform\" action=\"")
            .Append(WebUtility.HtmlEncode(action))
            .Append("\">");
        foreach (var (name, value) in parameters)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(name))
                .Append("\" value=\"").Append(WebUtility.HtmlEncode(value)).Append("\" />");
        }

        return html
            .Append("<noscript><p>Script is disabled. Click Submit to continue.</p><input type=\"submit\" value=\"Submit\" /></noscript>")
            .Append("</form><script>document.forms[0].submit();</script></body></html>")
            .ToString();
    }
}
