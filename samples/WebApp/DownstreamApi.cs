using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Samples.Web;

namespace WebApp;

/// <summary>
/// The "downstream API" the web app calls, hosted in the same process for the sample: it accepts
/// only bearer tokens issued by the authority for <see cref="WebSampleAuthority.DownstreamScope"/>.
/// </summary>
internal static class DownstreamApi
{
    public const string Scheme = "Downstream";

    public static void AddValidation(WebApplicationBuilder builder, WebSampleAuthority authority)
    {
        builder.Services.AddSingleton(authority);
        builder.Services.AddAuthentication().AddJwtBearer(Scheme, options =>
        {
            options.Authority = authority.MetadataAuthority;
            options.Audience = "api://sample-downstream";
            options.MapInboundClaims = false;
            options.RequireHttpsMetadata = !authority.IsInsecureLoopback;
            if (authority.Fake is { } fake)
            {
                options.BackchannelHttpHandler = fake.CreateHttpMessageHandler();
            }
        });
    }

    /// <summary>Maps the API; with <c>Downstream:RequireAuthContext</c> it sends a claims challenge for tokens without the <c>c1</c> context.</summary>
    public static void Map(WebApplication app)
    {
        app.MapGet("/downstream/hello", (ClaimsPrincipal user) =>
                Results.Json(new { message = "Hello from the downstream API", user = user.FindFirst("name")?.Value ?? user.FindFirst("oid")?.Value, scope = user.FindFirst("scp")?.Value }))
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .RequireAuthContextWhenConfigured(app.Configuration);
        DownstreamClaimsChallenge.MapClaimsSent(app, app.Services.GetRequiredService<WebSampleAuthority>().Fake);
    }
}
