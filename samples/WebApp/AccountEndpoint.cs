using Auth.Server;

namespace WebApp;

/// <summary>
/// <c>/account</c>: the signed-in user's account as the token cache knows it, looked up by home account id
/// and by local account id. On a fresh instance behind a shared token cache both lookups load the user's entry.
/// </summary>
internal static class AccountEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapGet("/account", FindAsync).RequireAuthorization();

    private static async Task<IResult> FindAsync(HttpContext context, ConfidentialClientApplication auth)
    {
        var cache = auth.GetTokenCache();
        var homeAccountId = context.User.FindFirst(SignInEndpoints.HomeAccountIdClaim)!.Value;
        var localAccountId = context.User.FindFirst(SignInEndpoints.LocalAccountIdClaim)?.Value;
        var byHomeId = await cache.GetAccountByHomeIdAsync(homeAccountId);
        var byLocalId = string.IsNullOrEmpty(localAccountId) ? null : await cache.GetAccountByLocalIdAsync(localAccountId);
        return Results.Json(new
        {
            homeAccountId,
            localAccountId,
            byHomeId = byHomeId?.Username,
            byLocalId = byLocalId?.Username,
        });
    }
}
