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
            return Page.Html(context, "Auth sample web app", "<p>You are not signed in.</p><nav class=\"actions\"><a class=\"button\" href=\"/signin\">Sign in</a></nav>");
        }

        var claims = context.User.Claims
            .Where(c => c.Type.StartsWith("id_token.", StringComparison.Ordinal))
            .Select(c => (c.Type[9..], (string?)c.Value));
        var downstream = await CallDownstreamAsync(context, auth, http);
        return Page.Html(
            context,
            $"Hello, {context.User.Identity.Name}",
            "<nav class=\"actions\"><a class=\"button\" href=\"/profile\">Your Graph profile, through the web API</a></nav>"
            + $"<h2>Your ID token claims</h2>{Page.Table(claims)}"
            + $"<h2>Downstream API (in this app)</h2><pre id=\"downstream\">{Page.Encode(downstream)}</pre>");
    }

    /// <summary>
    /// Gets the access token silently (from the cache) and calls the downstream API with it; a claims challenge
    /// is answered once, with a token obtained silently with those claims.
    /// </summary>
    private static async Task<string> CallDownstreamAsync(HttpContext context, ConfidentialClientApplication auth, IHttpClientFactory http)
    {
        if (await SignInEndpoints.FindAccountAsync(context, auth) is not { } account)
        {
            return SignInEndpoints.AccountGone;
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
}
