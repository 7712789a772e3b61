// A web API that accepts bearer tokens for itself and calls a downstream API on behalf of the
// caller (the OAuth 2.0 on-behalf-of flow). The downstream API is hosted in the same process for
// the sample. No configuration: it starts the embedded FakeAuthority and offers GET /dev/token,
// which mints a user token for this API so you can call it:
//   TOKEN=$(curl -s http://127.0.0.1:5090/dev/token); curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:5090/me
// With Downstream__RequireAuthContext=true the downstream API answers a token without the authentication
// context c1 with a claims challenge; /me then asks for a token with those claims and calls again.
using System.Security.Claims;
using Auth.Server.DependencyInjection;
using WebApiObo;
using Samples.Web;

using var authority = WebSampleAuthority.FromEnvironment("sample-web-api", "sample-api-secret");
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddConfidentialClient(options =>
{
    authority.Configure(options);
    options.ClientCapabilities = ["cp1"]; // this API handles claims challenges (continuous access evaluation)
});
Schemes.Add(builder, authority);
builder.Services.AddAuthorization();
builder.Services.AddHttpClient("downstream");

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
ApiEndpoints.Map(app);
app.MapGet("/downstream/hello", (ClaimsPrincipal user) => Results.Json(new { message = "Hello from the downstream API", user = user.FindFirst("name")?.Value, azp = user.FindFirst("azp")?.Value }))
    .RequireAuthorization(p => p.AddAuthenticationSchemes(Schemes.Downstream).RequireAuthenticatedUser())
    .RequireAuthContextWhenConfigured(builder.Configuration);
DownstreamClaimsChallenge.MapClaimsSent(app, authority.Fake);
if (authority.Fake is { } fake)
{
    // Development only, and only against the embedded fake: a token a client app would have sent.
    app.MapGet("/dev/token", () => fake.IssueUserAccessToken(fake.DefaultUser, authority.ClientId, [$"api://{authority.ClientId}/access_as_user"]));
}

app.MapGet("/health", () => "ok");
Console.WriteLine($"Accepting tokens from {authority.Authority} for audience {authority.ClientId}");
await app.RunAsync();
