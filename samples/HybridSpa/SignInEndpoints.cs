using System.Net;
using System.Security.Claims;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Samples.Web;

namespace HybridSpa;

/// <summary>
/// The server's sign-in: the authorization code flow of the web samples (<see cref="AuthCodeSignIn"/>: state, nonce and PKCE
/// verifier kept in a short-lived protected cookie), redeemed with <see cref="AuthorizationCodeRequest.EnableSpaAuthorizationCode"/>; the SPA code that comes back
/// goes to the home page in another short-lived protected cookie (never in a URL), which the page reads once.
/// </summary>
internal static class SignInEndpoints
{
    /// <summary>The cookie that carries the SPA code from the callback to the page that hands it to the browser's script.</summary>
    public const string SpaCodeCookie = "auth.spa";

    /// <summary>The session cookie's claim with the user's home account id (the key of the server's tokens in its cache).</summary>
    public const string HomeAccountIdClaim = AuthCodeSignIn.HomeAccountIdClaim;

    public static void Map(WebApplication app)
    {
        app.MapGet("/signin", SignInAsync);
        app.MapGet("/signin-callback", CallbackAsync);
        app.MapGet("/signout", AuthCodeSignIn.SignOutAsync);
    }

    private static Task<IResult> SignInAsync(HttpContext context, ConfidentialClientApplication auth, IDataProtectionProvider protection, SpaSettings spa) =>
        AuthCodeSignIn.StartAsync(context, auth, protection, spa.Scope);

    private static async Task<IResult> CallbackAsync(
        HttpContext context, ConfidentialClientApplication auth, IDataProtectionProvider protection, SpaSettings spa, string? code, string? state, string? iss, string? error, string? error_description)
    {
        if (error is not null || code is null || AuthCodeSignIn.Redemption(context, protection, spa.Scope, code, state, iss) is not { } redemption)
        {
            return Failed(context, error is null ? "The redirect has no code, or this browser did not start the sign-in." : $"{error}: {error_description}");
        }

        try
        {
            var result = await auth.AcquireTokenByCodeAsync(redemption with { EnableSpaAuthorizationCode = true });
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, result.Account?.Name ?? result.Account?.Username ?? "user"), new Claim(HomeAccountIdClaim, result.Account!.HomeAccountId)],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));

            // "-" says the authority returned none (no SPA redirect URI registered, or not Entra ID): the page reports it.
            AuthCodeSignIn.AppendProtected(context, protection, SpaCodeCookie, result.SpaAuthCode ?? "-", TimeSpan.FromMinutes(2));
            return Results.Redirect("/");
        }
        catch (AuthException ex)
        {
            return Failed(context, $"{ex.Code}: {ex.Message}");
        }
    }

    /// <summary>Reads the SPA code cookie once: the code, "-" when the authority returned none, or null when there is none to hand over.</summary>
    public static string? TakeSpaCode(HttpContext context, IDataProtectionProvider protection)
    {
        if (context.Request.Cookies[SpaCodeCookie] is not { } cookie)
        {
            return null;
        }

        context.Response.Cookies.Delete(SpaCodeCookie);
        try
        {
            return protection.CreateProtector(SpaCodeCookie).Unprotect(cookie);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static IResult Failed(HttpContext context, string message) =>
        Page.Html(context, Page.Render("Sign-in failed", "Not signed in", $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(message)}</p><nav class=\"actions\"><a class=\"button\" href=\"/signin\">Try again</a></nav>"));
}
