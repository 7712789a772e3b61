using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Server;

namespace B2CUserFlows;

/// <summary>
/// The home page: the three user flows, and for a signed-in user the claims of the last policy's ID token and an
/// access token obtained silently at the sign-up or sign-in policy's authority (which uses that policy's account).
/// </summary>
internal static class HomeEndpoint
{
    public static void Map(WebApplication app) => app.MapGet("/", RenderAsync);

    private static async Task<IResult> RenderAsync(HttpContext context, ConfidentialClientApplication auth, B2CSampleAuthority b2c, string? cancelled)
    {
        var note = cancelled is null ? string.Empty : "<p id=\"note\" class=\"note\">You cancelled; nothing was changed.</p>";
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Layout.Page(context.User, "Welcome", note
                + "<p>Sign up or sign in with the tenant's user flows.</p>"
                + "<nav class=\"actions\"><a class=\"button\" href=\"/signin\">Sign up / sign in</a><a class=\"button secondary\" href=\"/reset\">Reset password</a></nav>");
        }

        var policy = context.User.FindFirst(UserFlowEndpoints.PolicyClaim)?.Value;
        var claims = string.Concat(context.User.Claims
            .Where(c => c.Type.StartsWith(UserFlowEndpoints.IdTokenPrefix, StringComparison.Ordinal))
            .Select(c => $"<tr><th scope=\"row\">{Layout.Encode(c.Type[UserFlowEndpoints.IdTokenPrefix.Length..])}</th><td>{Layout.Encode(c.Value)}</td></tr>"));
        return Layout.Page(context.User, $"Hello, {context.User.Identity.Name}", note
            + "<nav class=\"actions\"><a class=\"button\" href=\"/profile\">Edit profile</a><a class=\"button secondary\" href=\"/reset\">Reset password</a><a class=\"button secondary\" href=\"/signin\">Sign up / sign in</a></nav>"
            + $"<h2>Your ID token</h2><p>Issued by the policy <strong id=\"policy\">{Layout.Encode(policy)}</strong>.</p><table class=\"claims\">{claims}</table>"
            + $"<h2>Access token</h2><p id=\"token\">{Layout.Encode(await SilentTokenAsync(context, auth, b2c))}</p>");
    }

    private static async Task<string> SilentTokenAsync(HttpContext context, ConfidentialClientApplication auth, B2CSampleAuthority b2c)
    {
        if (await auth.GetTokenCache().GetAccountByHomeIdAsync(context.User.FindFirst(UserFlowEndpoints.HomeAccountIdClaim)!.Value) is not { } account)
        {
            return "The token cache no longer holds this account: sign in again.";
        }

        try
        {
            var token = await auth.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = [b2c.Scope], Account = account, Authority = b2c.AuthorityFor(b2c.SignUpSignIn) });
            return $"For {b2c.Scope} at the {b2c.SignUpSignIn} policy: from {token.Source}, account of policy {token.Account?.B2CPolicy}, expires {token.ExpiresOn:u}.";
        }
        catch (InteractionRequiredException ex)
        {
            return $"Sign in with {b2c.SignUpSignIn} to get one ({ex.Code}).";
        }
    }
}
