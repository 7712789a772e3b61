using System.Net;
using System.Net.Http.Headers;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Server;
using Samples.Web;

namespace WebApp;

/// <summary>The home page: a sign-in link, or the user's claims and the downstream API's answer.</summary>
internal static class HomeEndpoint
{
    public static void Map(WebApplication app) => app.MapGet("/", RenderAsync);

    private static async Task<IResult> RenderAsync(HttpContext context, ConfidentialClientApplication auth, IHttpClientFactory http)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Html("Auth sample web app", "<p>You are not signed in.</p><p><a href=\"/signin\">Sign in</a></p>");
        }

        var name = WebUtility.HtmlEncode(context.User.Identity.Name);
        var claims = string.Join(string.Empty, context.User.Claims
            .Where(c => c.Type.StartsWith("id_token.", StringComparison.Ordinal))
            .Select(c => $"<tr><th scope=\"row\">{WebUtility.HtmlEncode(c.Type[9..])}</th><td>{WebUtility.HtmlEncode(c.Value)}</td></tr>"));
        var downstream = await CallDownstreamAsync(context, auth, http);
        return Html(
            $"Hello, {context.User.Identity.Name}",
            $"<p>Signed in as <strong id=\"user\">{name}</strong>.</p><h2>Your ID token claims</h2><table>{claims}</table>"
            + $"<h2>Downstream API</h2><pre id=\"downstream\">{WebUtility.HtmlEncode(downstream)}</pre><p><a href=\"/signout\">Sign out</a></p>");
    }

    /// <summary>
    /// Gets the access token silently (from the cache) and calls the downstream API with it; a claims challenge
    /// is answered once, with a token obtained silently with those claims.
    /// </summary>
    private static async Task<string> CallDownstreamAsync(HttpContext context, ConfidentialClientApplication auth, IHttpClientFactory http)
    {
        var account = await auth.GetTokenCache().GetAccountByHomeIdAsync(context.User.FindFirst(SignInEndpoints.HomeAccountIdClaim)!.Value);
        if (account is null)
        {
            return "The token cache no longer holds this account: sign out and in again.";
        }

        try
        {
            var downstream = new Uri($"{context.Request.Scheme}://{context.Request.Host}/downstream/hello");
            var token = await auth.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = [WebSampleAuthority.DownstreamScope], Account = account });
            var response = await CallAsync(http, downstream, token.AccessToken);
            var note = string.Empty;
            if (response.StatusCode == HttpStatusCode.Unauthorized && HttpClaimsChallenge.FromResponse(response) is { } claims)
            {
                // The API wants claims this token lacks: redeem the refresh token with them (the cache is skipped) and call again.
                response.Dispose();
                token = await auth.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = [WebSampleAuthority.DownstreamScope], Account = account, Claims = claims });
                response = await CallAsync(http, downstream, token.AccessToken);
                note = ", after a claims challenge";
            }

            using (response)
            {
                return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()} (token from {token.Source}{note})";
            }
        }
        catch (InteractionRequiredException ex)
        {
            return $"Sign in again: {ex.Code}";
        }
    }

    private static async Task<HttpResponseMessage> CallAsync(IHttpClientFactory http, Uri downstream, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, downstream);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await http.CreateClient("downstream").SendAsync(request);
    }

    private static IResult Html(string title, string body) => Results.Content(Page.Render(title, body), "text/html; charset=utf-8");
}
