using Auth.Common.Requests;
using Auth.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace Samples.Web;

/// <summary>
/// A web sample's sign-in with the authorization code flow: the state, nonce and PKCE verifier GetAuthCodeUrlAsync made
/// are kept, bound to this browser, in a short-lived protected cookie until the redirect to <c>/signin-callback</c>,
/// whose code is then redeemed with them (the redirect's state and, from authorities that send it, iss checked); and sign-out.
/// </summary>
internal static class AuthCodeSignIn
{
    /// <summary>The session cookie's claim with the user's home account id (the key of the user's tokens in the app's cache).</summary>
    public const string HomeAccountIdClaim = "home_account_id";

    private const string FlowCookie = "auth.flow";

    /// <summary>The redirect URI of the app: <c>/signin-callback</c> on the host the browser used.</summary>
    public static Uri RedirectUri(HttpRequest request) => new($"{request.Scheme}://{request.Host}/signin-callback");

    /// <summary>
    /// Sends the browser to the authority (the app's, or <paramref name="authority"/>, such as a B2C policy's), keeping the
    /// state, nonce, PKCE verifier and that authority in the flow cookie.
    /// </summary>
    public static async Task<IResult> StartAsync(HttpContext context, ConfidentialClientApplication auth, IDataProtectionProvider protection, string scope, string? authority = null)
    {
        var authorization = await auth.GetAuthCodeUrlAsync(new AuthorizationUrlRequest { Scopes = [scope], RedirectUri = RedirectUri(context.Request), Authority = authority });
        AppendProtected(context, protection, FlowCookie, $"{authorization.State} {authorization.Nonce} {authorization.CodeVerifier} {authority}", TimeSpan.FromMinutes(10));
        return Results.Redirect(authorization.Url.AbsoluteUri);
    }

    /// <summary>
    /// The redemption of the redirect's code, or of its error (which the library throws as a typed exception), with what
    /// the flow cookie kept (and the cookie deleted), or null when this browser did not start a sign-in.
    /// </summary>
    public static AuthorizationCodeRequest? Redemption(
        HttpContext context, IDataProtectionProvider protection, string scope, string? code, string? state, string? iss, string? error = null, string? errorDescription = null)
    {
        if (context.Request.Cookies[FlowCookie] is not { } flowCookie)
        {
            return null;
        }

        var flow = protection.CreateProtector(FlowCookie).Unprotect(flowCookie).Split(' ');
        context.Response.Cookies.Delete(FlowCookie);
        return new AuthorizationCodeRequest
        {
            Scopes = [scope],
            RedirectUri = RedirectUri(context.Request),
            Code = code ?? string.Empty,
            ReturnedError = error,
            ReturnedErrorDescription = errorDescription,
            Authority = flow is [_, _, _, { Length: > 0 } authority] ? authority : null,
            State = flow[0],
            ReturnedState = state,
            Nonce = flow[1],
            CodeVerifier = flow[2],
            ReturnedIssuer = iss,
        };
    }

    /// <summary>Signs the user out of the app: their tokens leave the token cache, the session cookie is deleted.</summary>
    public static async Task<IResult> SignOutAsync(HttpContext context, ConfidentialClientApplication auth)
    {
        if (context.User.FindFirst(HomeAccountIdClaim)?.Value is { } homeAccountId
            && await auth.GetTokenCache().GetAccountByHomeIdAsync(homeAccountId) is { } account)
        {
            await auth.GetTokenCache().RemoveAccountAsync(account);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/");
    }

    /// <summary>Sets an HttpOnly, SameSite=Lax cookie whose value only this app can read.</summary>
    public static void AppendProtected(HttpContext context, IDataProtectionProvider protection, string name, string value, TimeSpan lifetime) =>
        context.Response.Cookies.Append(
            name,
            protection.CreateProtector(name).Protect(value),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = lifetime, Secure = context.Request.IsHttps });
}
