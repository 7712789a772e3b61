using System.Security.Claims;
using Samples.Web;

namespace WebApiObo;

/// <summary>
/// A stand-in for Microsoft Graph's <c>GET /v1.0/me</c>, in the API's process, used against a FakeAuthority: it
/// accepts only the authority's tokens for <c>https://graph.microsoft.com</c> and answers the user's profile as Graph
/// does (<c>id</c>, <c>displayName</c>, <c>mail</c>, <c>userPrincipalName</c>), plus <c>tokenSeen</c>, which the real
/// Graph does not send: the audience, client (<c>azp</c>) and scopes of the token it was called with, so the sample
/// shows that the token came from the on-behalf-of exchange. With <c>Downstream:RequireAuthContext</c> it sends a claims
/// challenge (<see cref="DownstreamClaimsChallenge"/>).
/// </summary>
internal static class FakeGraph
{
    public const string MePath = "/graph/v1.0/me";

    public static void Map(WebApplication app) =>
        app.MapGet(MePath, (ClaimsPrincipal user) => Results.Json(new
        {
            id = user.FindFirst("oid")?.Value,
            displayName = user.FindFirst("name")?.Value,
            mail = user.FindFirst("preferred_username")?.Value,
            userPrincipalName = user.FindFirst("preferred_username")?.Value,
            tokenSeen = new { aud = user.FindFirst("aud")?.Value, azp = user.FindFirst("azp")?.Value, scp = user.FindFirst("scp")?.Value },
        }))
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Schemes.Graph).RequireAuthenticatedUser())
            .RequireAuthContextWhenConfigured(app.Configuration);
}
