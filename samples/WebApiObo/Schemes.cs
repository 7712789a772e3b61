using Microsoft.AspNetCore.Authentication.JwtBearer;
using Samples.Web;

namespace WebApiObo;

/// <summary>Bearer validation for the two audiences in this sample: this API, and the downstream API it calls.</summary>
internal static class Schemes
{
    public const string Incoming = "Incoming";
    public const string Downstream = "Downstream";

    public static void Add(WebApplicationBuilder builder, WebSampleAuthority authority)
    {
        builder.Services.AddAuthentication()
            .AddJwtBearer(Incoming, o => Configure(o, authority, audience: authority.ClientId))
            .AddJwtBearer(Downstream, o => Configure(o, authority, audience: WebSampleAuthority.DownstreamAudience));
    }

    private static void Configure(JwtBearerOptions options, WebSampleAuthority authority, string audience)
    {
        options.Authority = authority.MetadataAuthority;
        options.Audience = audience;
        options.MapInboundClaims = false;
        if (authority.Fake is { } fake)
        {
            options.BackchannelHttpHandler = fake.CreateHttpMessageHandler();
        }
    }
}
