using System.Net.Http.Headers;
using System.Security.Claims;
using Auth.Common.Requests;
using Auth.Server;
using Samples.Web;

namespace WebApiObo;

/// <summary>
/// GET /me: validates the caller's bearer token (JwtBearer), then calls the downstream API on
/// behalf of that user with a token from the on-behalf-of flow (cached per incoming token).
/// </summary>
internal static class ApiEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet("/me", MeAsync).RequireAuthorization(p => p.AddAuthenticationSchemes(Schemes.Incoming).RequireAuthenticatedUser());

    private static async Task<IResult> MeAsync(HttpContext context, ClaimsPrincipal user, ConfidentialClientApplication auth, IHttpClientFactory http)
    {
        var incoming = AuthenticationHeaderValue.Parse(context.Request.Headers.Authorization!).Parameter!;
        var obo = await auth.AcquireTokenOnBehalfOfAsync(new OnBehalfOfRequest { Scopes = [WebSampleAuthority.DownstreamScope], OboAssertion = incoming });

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{context.Request.Scheme}://{context.Request.Host}/downstream/hello");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", obo.AccessToken);
        using var response = await http.CreateClient("downstream").SendAsync(request);
        return Results.Json(new
        {
            caller = user.FindFirst("name")?.Value ?? user.FindFirst("preferred_username")?.Value,
            oboTokenSource = obo.Source.ToString(),
            downstreamStatus = (int)response.StatusCode,
            downstream = await response.Content.ReadAsStringAsync(),
        });
    }
}
