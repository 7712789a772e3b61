using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Auth.Common.Requests;
using Auth.Server;
using Samples.Web;

namespace WebApiObo;

/// <summary>
/// GET /me: validates the caller's bearer token (JwtBearer; it must carry the <c>access_as_user</c> scope), then calls
/// the downstream API (Microsoft Graph's /me, or the fake Graph) on behalf of that user with a token from the
/// on-behalf-of flow (cached per incoming token). A claims challenge from downstream is answered once: a new token
/// with the claims, and a second call. The answer tells what each hop saw, for the web app to show.
/// </summary>
internal static class ApiEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet("/me", MeAsync).RequireAuthorization(p => p
            .AddAuthenticationSchemes(Schemes.Incoming)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.FindFirst("scp")?.Value.Split(' ').Contains(OnBehalfOfChain.ApiScopeName) == true));

    private static async Task<IResult> MeAsync(HttpContext context, ClaimsPrincipal user, ConfidentialClientApplication auth, IHttpClientFactory http, DownstreamSettings settings)
    {
        var incoming = AuthenticationHeaderValue.Parse(context.Request.Headers.Authorization!).Parameter!;
        var downstream = settings.UrlFor(context.Request);
        var obo = await auth.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = [settings.Scope], OboAssertion = incoming });
        var response = await CallAsync(http, downstream, obo.AccessToken);
        string? challenge = null;
        if (response.StatusCode == HttpStatusCode.Unauthorized && HttpClaimsChallenge.FromResponse(response) is { } claims)
        {
            // The downstream API wants claims this token lacks: ask for a token with them (the cache is skipped) and call again.
            challenge = claims;
            response.Dispose();
            obo = await auth.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = [settings.Scope], OboAssertion = incoming, Claims = claims });
            response = await CallAsync(http, downstream, obo.AccessToken);
        }

        using (response)
        {
            return Results.Json(new
            {
                caller = user.FindFirst("name")?.Value ?? user.FindFirst("preferred_username")?.Value,
                callerToken = new { aud = user.FindFirst("aud")?.Value, azp = user.FindFirst("azp")?.Value ?? user.FindFirst("appid")?.Value, scp = user.FindFirst("scp")?.Value },
                oboScope = settings.Scope,
                oboTokenSource = obo.Source.ToString(),
                claimsChallenge = challenge,
                downstreamUrl = downstream.AbsoluteUri,
                downstreamStatus = (int)response.StatusCode,
                downstream = ReadBody(await response.Content.ReadAsStringAsync()),
            });
        }
    }

    private static async Task<HttpResponseMessage> CallAsync(IHttpClientFactory http, Uri downstream, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, downstream);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await http.CreateClient("downstream").SendAsync(request);
    }

    /// <summary>The downstream answer as JSON when it is JSON, else as text (an error page, an empty 401).</summary>
    private static object ReadBody(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
