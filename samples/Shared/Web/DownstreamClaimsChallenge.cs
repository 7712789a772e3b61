using System.Text;
using Auth.Testing;

namespace Samples.Web;

/// <summary>
/// A Conditional Access demo for the in-process downstream API: when <c>Downstream:RequireAuthContext</c> is
/// true (environment <c>Downstream__RequireAuthContext=true</c>), a token without the authentication context
/// <c>c1</c> (its <c>acrs</c> claim) is answered 401 with a claims challenge, as Entra ID resources do
/// (<c>WWW-Authenticate: Bearer error="insufficient_claims", claims="&lt;base64 JSON&gt;"</c>). The caller reads it
/// with <c>HttpClaimsChallenge.FromResponse</c> and asks again with those claims; the embedded FakeAuthority puts
/// the requested <c>acrs</c> into the new token.
/// </summary>
internal static class DownstreamClaimsChallenge
{
    public const string RequiredContext = "c1";
    public const string ClaimsJson = """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""";
    private const string SettingName = "Downstream:RequireAuthContext";

    /// <summary>Answers tokens without the <c>c1</c> context with a claims challenge, when the setting is on.</summary>
    public static TBuilder RequireAuthContextWhenConfigured<TBuilder>(this TBuilder builder, IConfiguration configuration)
        where TBuilder : IEndpointConventionBuilder
    {
        if (!configuration.GetValue<bool>(SettingName))
        {
            return builder;
        }

        return builder.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.User.HasClaim("acrs", RequiredContext))
            {
                return await next(context);
            }

            var claims = Convert.ToBase64String(Encoding.UTF8.GetBytes(ClaimsJson));
            context.HttpContext.Response.Headers.WWWAuthenticate = $"Bearer realm=\"\", error=\"insufficient_claims\", error_description=\"The resource requires the authentication context c1.\", claims=\"{claims}\"";
            return Results.Unauthorized();
        });
    }

    /// <summary>
    /// Development only, and only against the embedded fake: GET /dev/claims-sent lists the <c>claims</c> parameter of
    /// every token request the authority received (null where none was sent), so a test can see what the app asked for.
    /// </summary>
    public static void MapClaimsSent(WebApplication app, FakeAuthority? fake)
    {
        if (fake is not null)
        {
            app.MapGet("/dev/claims-sent", () => Results.Json(fake.TokenRequests.Select(r => new { grantType = r.GrantType, claims = r.Form.GetValueOrDefault("claims") })));
        }
    }
}
