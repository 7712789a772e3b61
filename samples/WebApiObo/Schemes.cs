using Microsoft.AspNetCore.Authentication.JwtBearer;
using Samples.Web;

namespace WebApiObo;

/// <summary>Bearer validation for the two audiences in this sample: this API, and the fake Graph it calls against a FakeAuthority.</summary>
internal static class Schemes
{
    public const string Incoming = "Incoming";
    public const string Graph = "FakeGraph";

    public static void Add(WebApplicationBuilder builder, WebSampleAuthority authority)
    {
        // Entra v2.0 tokens name the API by its client id; v1.0 ones (and the fake's) by its App ID URI.
        var authentication = builder.Services.AddAuthentication()
            .AddJwtBearer(Incoming, o => Configure(o, authority, authority.ClientId, $"api://{authority.ClientId}"));
        if (authority.IsFake)
        {
            authentication.AddJwtBearer(Graph, o => Configure(o, authority, OnBehalfOfChain.GraphResource));
        }
    }

    private static void Configure(JwtBearerOptions options, WebSampleAuthority authority, params string[] audiences)
    {
        options.Authority = authority.MetadataAuthority;
        options.TokenValidationParameters.ValidAudiences = audiences;
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = !authority.IsInsecureLoopback;
        if (authority.Fake is { } fake)
        {
            options.BackchannelHttpHandler = fake.CreateHttpMessageHandler();
        }
    }
}
