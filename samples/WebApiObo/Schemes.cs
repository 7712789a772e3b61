using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace WebApiObo;

/// <summary>Bearer validation for the two audiences in this sample: this API, and the downstream API it calls.</summary>
internal static class Schemes
{
    public const string Incoming = "Incoming";
    public const string Downstream = "Downstream";

    public static void Add(WebApplicationBuilder builder, ApiAuthority authority)
    {
        builder.Services.AddAuthentication()
            .AddJwtBearer(Incoming, o => Configure(o, authority, audience: authority.ClientId))
            .AddJwtBearer(Downstream, o => Configure(o, authority, audience: ApiAuthority.DownstreamAudience));
    }

    private static void Configure(JwtBearerOptions options, ApiAuthority authority, string audience)
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
