using System.Security.Claims;
using Auth.Common.Errors;
using Auth.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Samples.Web;

namespace B2CUserFlows;

/// <summary>
/// The three user flows, each an authorization code sign-in at its policy's authority, and one callback for all:
/// "Forgot your password?" (b2c_password_reset_requested) starts the password reset policy, Cancel
/// (b2c_user_cancelled) returns home, any other error is shown. The session cookie keeps the last policy's
/// account id, name and ID token claims.
/// </summary>
internal static class UserFlowEndpoints
{
    public const string HomeAccountIdClaim = AuthCodeSignIn.HomeAccountIdClaim;
    public const string PolicyClaim = "policy";
    public const string IdTokenPrefix = "id_token.";

    public static void Map(WebApplication app)
    {
        app.MapGet("/signin", (HttpContext c, ConfidentialClientApplication a, B2CSampleAuthority b, IDataProtectionProvider p) => StartAsync(c, a, b, p, b.SignUpSignIn));
        app.MapGet("/profile", (HttpContext c, ConfidentialClientApplication a, B2CSampleAuthority b, IDataProtectionProvider p) =>
            c.User.Identity?.IsAuthenticated == true ? StartAsync(c, a, b, p, b.EditProfile) : Task.FromResult(Results.Redirect("/signin")));
        app.MapGet("/reset", (HttpContext c, ConfidentialClientApplication a, B2CSampleAuthority b, IDataProtectionProvider p) => StartAsync(c, a, b, p, b.PasswordReset));
        app.MapGet("/signin-callback", CallbackAsync);
        app.MapGet("/signout", SignOutAsync);
    }

    private static Task<IResult> StartAsync(HttpContext context, ConfidentialClientApplication auth, B2CSampleAuthority b2c, IDataProtectionProvider protection, string policy) =>
        AuthCodeSignIn.StartAsync(context, auth, protection, b2c.Scope, b2c.AuthorityFor(policy));

    private static async Task<IResult> CallbackAsync(
        HttpContext context, ConfidentialClientApplication auth, B2CSampleAuthority b2c, IDataProtectionProvider protection,
        string? code, string? state, string? iss, string? error, string? error_description)
    {
        if (AuthCodeSignIn.Redemption(context, protection, b2c.Scope, code, state, iss, error, error_description) is not { } redemption)
        {
            return Layout.Page(context.User, "Sign-in failed", "<p id=\"error\" class=\"error\" role=\"alert\">The sign-in took too long or was started in another browser. Try again.</p>");
        }

        try
        {
            await SignInAsync(context, await auth.AcquireTokenByCodeAsync(redemption));
            return Results.Redirect("/");
        }
        catch (AuthServiceException ex) when (ex.Code == AuthErrorCodes.B2CPasswordResetRequested)
        {
            return Results.Redirect("/reset");
        }
        catch (AuthServiceException ex) when (ex.Code == AuthErrorCodes.B2CUserCancelled)
        {
            return Results.Redirect("/?cancelled=1");
        }
        catch (AuthException ex)
        {
            return Layout.Page(context.User, "Sign-in failed", $"<p id=\"error\" class=\"error\" role=\"alert\"><strong>{Layout.Encode(ex.Code)}</strong>: {Layout.Encode(ex.Message)}</p><p><a href=\"/\">Home</a></p>");
        }
    }

    private static async Task SignInAsync(HttpContext context, Auth.Common.Responses.AuthenticationResult result)
    {
        var account = result.Account!;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, account.Name ?? account.Username ?? "user"),
                new Claim(HomeAccountIdClaim, account.HomeAccountId),
                new Claim(PolicyClaim, result.IdTokenClaims?.GetValueOrDefault("tfp") ?? result.IdTokenClaims?.GetValueOrDefault("acr") ?? account.B2CPolicy ?? string.Empty),
                .. (result.IdTokenClaims ?? new Dictionary<string, string>()).Select(c => new Claim(IdTokenPrefix + c.Key, c.Value)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, ConfidentialClientApplication auth)
    {
        // Every policy's account of the user: B2C keeps one per policy.
        foreach (var account in await auth.GetTokenCache().GetAllAccountsAsync())
        {
            if (account.LocalAccountId == context.User.FindFirst(IdTokenPrefix + "oid")?.Value)
            {
                await auth.GetTokenCache().RemoveAccountAsync(account);
            }
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/");
    }
}
