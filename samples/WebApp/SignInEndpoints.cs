using System.Security.Claims;
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

    public static void Map(WebApplication app)
    {
        app.MapGet("/signin", SignInAsync);
        app.MapGet("/signin-callback", CallbackAsync);
        app.MapGet("/signout", AuthCodeSignIn.SignOutAsync);
    }

    private static Task<IResult> SignInAsync(HttpContext context, ConfidentialClientApplication auth, IDataProtectionProvider protection) =>
        AuthCodeSignIn.StartAsync(context, auth, protection, WebSampleAuthority.DownstreamScope);

    private static async Task<IResult> CallbackAsync(
        HttpContext context, ConfidentialClientApplication auth, IDataProtectionProvider protection, string? code, string? state, string? iss, string? error)
    {
        if (error is not null || code is null || AuthCodeSignIn.Redemption(context, protection, WebSampleAuthority.DownstreamScope, code, state, iss) is not { } redemption)
        {
            return Results.Content(Page.Render("Sign-in failed", $"<p>{System.Net.WebUtility.HtmlEncode(error ?? "missing code")}</p><p><a href=\"/\">Home</a></p>"), "text/html");
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
