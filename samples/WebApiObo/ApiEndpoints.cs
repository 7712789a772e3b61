using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Auth.Common.Requests;
using Auth.Server;
using Samples.Web;

namespace WebApiObo;

/// <summary>
/// GET /me: validates the caller's bearer token (JwtBearer), then calls the downstream API on
/// behalf of that user with a token from the on-behalf-of flow (cached per incoming token). A claims
/// challenge from the downstream API is answered once: a new token with the claims, and a second call.
/// </summary>
internal static class ApiEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet("/me", MeAsync).RequireAuthorization(p => p.AddAuthenticationSchemes(Schemes.Incoming).RequireAuthenticatedUser());

    private static async Task<IResult> MeAsync(HttpContext context, ClaimsPrincipal user, ConfidentialClientApplication auth, IHttpClientFactory http)
    {
        var incoming = AuthenticationHeaderValue.Parse(context.Request.Headers.Authorization!).Parameter!;
        var downstream = new Uri($"{context.Request.Scheme}://{context.Request.Host}/downstream/hello");
        var obo = await auth.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = [WebSampleAuthority.DownstreamScope], OboAssertion = incoming });
        var response = await CallAsync(http, downstream, obo.AccessToken);
        string? challenge = null;
        if (response.StatusCode == HttpStatusCode.Unauthorized && HttpClaimsChallenge.FromResponse(response) is { } claims)
        {
            // The downstream API wants claims this token lacks: ask for a token with them (the cache is skipped) and call again.
            challenge = claims;
            response.Dispose();
            obo = await auth.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = [WebSampleAuthority.DownstreamScope], OboAssertion = incoming, Claims = claims });
            response = await CallAsync(http, downstream, obo.AccessToken);
        }

        using (response)
        {
            return Results.Json(new
            {
                caller = user.FindFirst("name")?.Value ?? user.FindFirst("preferred_username")?.Value,
                oboTokenSource = obo.Source.ToString(),
                claimsChallenge = challenge,
                downstreamStatus = (int)response.StatusCode,
                downstream = await response.Content.ReadAsStringAsync(),
            });
        }
    }

    private static async Task<HttpResponseMessage> CallAsync(IHttpClientFactory http, Uri downstream, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, downstream);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await http.CreateClient("downstream").SendAsync(request);
    }
}
