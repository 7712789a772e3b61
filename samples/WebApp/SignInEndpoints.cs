using System.Security.Claims;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Samples.Web;

namespace WebApp;

/// <summary>
/// Sign-in with the authorization code flow (<see cref="AuthCodeSignIn"/>: the state, nonce and PKCE verifier kept in a
/// short-lived protected cookie, the redirect's state and, from authorities that send it, iss checked on redemption),
/// sign-out, and the session cookie that remembers the user's home account id.
/// </summary>
internal static class SignInEndpoints
{
    /// <summary>The session cookie's claim with the user's home account id (the key of their tokens in the cache).</summary>
    public const string HomeAccountIdClaim = AuthCodeSignIn.HomeAccountIdClaim;

    /// <summary>The session cookie's claim with the user's local account id (their id in the tenant).</summary>
    public const string LocalAccountIdClaim = "local_account_id";

    /// <summary>What to tell a user whose session cookie outlived their tokens in the cache.</summary>
    public const string AccountGone = "The token cache no longer holds this account: sign out and in again.";

    public static void Map(WebApplication app)
    {
        app.MapGet("/signin", SignInAsync);
        app.MapGet("/signin-callback", CallbackAsync);
        app.MapGet("/signout", AuthCodeSignIn.SignOutAsync);
    }

    /// <summary>The signed-in user's account in the token cache (loaded from a shared cache on another instance), or null when it is gone.</summary>
    public static Task<AccountInfo?> FindAccountAsync(HttpContext context, ConfidentialClientApplication auth) =>
        auth.GetTokenCache().GetAccountByHomeIdAsync(context.User.FindFirst(HomeAccountIdClaim)!.Value);

    private static Task<IResult> SignInAsync(HttpContext context, ConfidentialClientApplication auth, IDataProtectionProvider protection) =>
        AuthCodeSignIn.StartAsync(context, auth, protection, WebSampleAuthority.DownstreamScope);

    private static async Task<IResult> CallbackAsync(
        HttpContext context, ConfidentialClientApplication auth, IDataProtectionProvider protection, string? code, string? state, string? iss, string? error)
    {
        if (error is not null || code is null || AuthCodeSignIn.Redemption(context, protection, WebSampleAuthority.DownstreamScope, code, state, iss) is not { } redemption)
        {
            return Page.Html(context, "Sign-in failed", Page.Error($"The authority answered: {error ?? "no code"}.", "<a href=\"/\">Back home</a>"));
        }

        var result = await auth.AcquireTokenByCodeAsync(redemption);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, result.Account?.Name ?? result.Account?.Username ?? "user"),
                new Claim(HomeAccountIdClaim, result.Account!.HomeAccountId),
                new Claim(LocalAccountIdClaim, result.Account.LocalAccountId ?? string.Empty),
                .. (result.IdTokenClaims ?? new Dictionary<string, string>()).Select(c => new Claim("id_token." + c.Key, c.Value)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Redirect("/");
    }
}
