using System.Net;
using System.Security.Claims;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace HybridSpa;

/// <summary>
/// The server's sign-in: the authorization code flow with the state, nonce and PKCE verifier kept in a short-lived protected
/// cookie, redeemed with <see cref="AuthorizationCodeRequest.EnableSpaAuthorizationCode"/>; the SPA code that comes back
/// goes to the home page in another short-lived protected cookie (never in a URL), which the page reads once.
/// </summary>
internal static class SignInEndpoints
{
    /// <summary>The cookie that carries the SPA code from the callback to the page that hands it to the browser's script.</summary>
    public const string SpaCodeCookie = "auth.spa";

    /// <summary>The session cookie's claim with the user's home account id (the key of the server's tokens in its cache).</summary>
    public const string HomeAccountIdClaim = "home_account_id";

    private const string FlowCookie = "auth.flow";

    public static void Map(WebApplication app)
    {
        app.MapGet("/signin", SignInAsync);
        app.MapGet("/signin-callback", CallbackAsync);
        app.MapGet("/signout", SignOutAsync);
    }

    private static Uri RedirectUri(HttpRequest request) => new($"{request.Scheme}://{request.Host}/signin-callback");

    private static async Task<IResult> SignInAsync(HttpContext context, ConfidentialClientApplication auth, IDataProtectionProvider protection, SpaSettings spa)
    {
        var authorization = await auth.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = [spa.Scope], RedirectUri = RedirectUri(context.Request) });
        Protect(context, protection, FlowCookie, $"{authorization.State} {authorization.Nonce} {authorization.CodeVerifier}", TimeSpan.FromMinutes(10));
        return Results.Redirect(authorization.Url.AbsoluteUri);
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext context, ConfidentialClientApplication auth, IDataProtectionProvider protection, SpaSettings spa, string? code, string? state, string? iss, string? error, string? error_description)
    {
        if (error is not null || code is null || context.Request.Cookies[FlowCookie] is not { } flowCookie)
        {
            return Failed(context, error is null ? "The redirect has no code, or this browser did not start the sign-in." : $"{error}: {error_description}");
        }

        var flow = protection.CreateProtector(FlowCookie).Unprotect(flowCookie).Split(' ');
        context.Response.Cookies.Delete(FlowCookie);
        try
        {
            var result = await auth.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
            {
                Scopes = [spa.Scope],
                RedirectUri = RedirectUri(context.Request),
                Code = code,
                State = flow[0],
                ReturnedState = state,
                Nonce = flow[1],
                CodeVerifier = flow[2],
                ReturnedIssuer = iss,
                EnableSpaAuthorizationCode = true,
            });
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, result.Account?.Name ?? result.Account?.Username ?? "user"), new Claim(HomeAccountIdClaim, result.Account!.HomeAccountId)],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));

            // "-" says the authority returned none (no SPA redirect URI registered, or not Entra ID): the page reports it.
            Protect(context, protection, SpaCodeCookie, result.SpaAuthCode ?? "-", TimeSpan.FromMinutes(2));
            return Results.Redirect("/");
        }
        catch (AuthException ex)
        {
            return Failed(context, $"{ex.Code}: {ex.Message}");
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, ConfidentialClientApplication auth)
    {
        if (context.User.FindFirst(HomeAccountIdClaim)?.Value is { } homeAccountId
            && await auth.GetTokenCache().GetAccountByHomeIdAsync(homeAccountId) is { } account)
        {
            await auth.GetTokenCache().RemoveAccountAsync(account);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/");
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

    private static void Protect(HttpContext context, IDataProtectionProvider protection, string name, string value, TimeSpan lifetime) =>
        context.Response.Cookies.Append(
            name,
            protection.CreateProtector(name).Protect(value),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = lifetime, Secure = context.Request.IsHttps });

    private static IResult Failed(HttpContext context, string message) =>
        Page.Html(context, Page.Render("Sign-in failed", "Not signed in", $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(message)}</p><nav class=\"actions\"><a class=\"button\" href=\"/signin\">Try again</a></nav>"));
}
