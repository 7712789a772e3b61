using System.Net;
using Microsoft.AspNetCore.DataProtection;

namespace HybridSpa;

/// <summary>
/// The home page: a sign-in button, or the signed-in page whose script redeems the SPA code handed to it inline (in the
/// page's settings, not in a URL) and shows the user from the tokens the browser obtained.
/// </summary>
internal static class HomePage
{
    public static void Map(WebApplication app) => app.MapGet("/", Render);

    private static IResult Render(HttpContext context, IDataProtectionProvider protection, SpaSettings spa)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Page.Html(context, Page.Render(
                Page.Brand,
                "Not signed in",
                "<p>You are not signed in.</p><p class=\"note\">One sign-in signs you in twice: on this server, which redeems the authorization code, "
                + "and in this page, whose script redeems the SPA code the server hands it.</p><nav class=\"actions\"><a class=\"button\" href=\"/signin\">Sign in</a></nav>",
                new { signedIn = false }));
        }

        var spaCode = SignInEndpoints.TakeSpaCode(context, protection);
        var server = WebUtility.HtmlEncode(context.User.Identity.Name);
        var settings = new
        {
            signedIn = true,
            clientId = spa.ClientId,
            tokenEndpoint = spa.TokenEndpoint,
            redirectUri = SpaSettings.RedirectUri($"{context.Request.Scheme}://{context.Request.Host}"),
            scope = spa.BrowserScope,
            spaCode = spaCode is "-" ? null : spaCode,
            spaCodeMissing = spaCode is "-",
        };
        return Page.Html(
            context,
            Page.Render(
                Page.Brand,
                $"Server: <strong id=\"server-user\">{server}</strong> · Browser: <strong id=\"browser-user\">…</strong>",
                """
                <p id="spa-status" class="note" role="status">Redeeming the SPA code…</p>
                <p id="spa-error" class="error" role="alert" hidden></p>
                <section id="spa-result" hidden>
                <p>This page signed in as <strong id="spa-user"></strong> with tokens it obtained itself, by redeeming the SPA code the server handed it.</p>
                <h2>The browser's ID token</h2><table class="claims" id="id-token-claims"></table>
                <h2>The browser's access token</h2><table class="claims" id="access-token-claims"></table>
                </section>
                """
                + $"<h2>The server's session</h2><p>Signed in on the server as <strong>{server}</strong>; its tokens are in the app's token cache.</p>"
                + "<nav class=\"actions\"><a class=\"button secondary\" href=\"/signout\">Sign out</a></nav>",
                settings),
            connectTo: spa.TokenEndpointOrigin);
    }
}
