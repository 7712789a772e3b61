// A web app that signs users in with the authorization code flow (confidential client, PKCE),
// shows their ID token claims, and calls a downstream API with a token from the cache.
// No configuration: it starts the embedded FakeAuthority and keeps tokens in memory. Run with
// --urls http://127.0.0.1:5080. Set TokenCache__Redis (e.g. 127.0.0.1:6379) to keep tokens in Redis,
// shared by several instances of the app and kept across restarts (see TokenCacheSetup).
using Auth.Server.DependencyInjection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Samples.Web;
using WebApp;

using var authority = WebSampleAuthority.FromEnvironment("sample-web-app", "sample-web-secret");
var builder = WebApplication.CreateBuilder(args);
var tokenCache = TokenCacheSetup.Add(builder);
builder.Services.AddConfidentialClient(options =>
{
    authority.Configure(options);
    options.ClientCapabilities = ["cp1"]; // the app handles claims challenges (continuous access evaluation)
});
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.LoginPath = "/signin");
DownstreamApi.AddValidation(builder, authority);
builder.Services.AddAuthorization();
builder.Services.AddHttpClient("downstream");

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
HomeEndpoint.Map(app);
SignInEndpoints.Map(app);
AccountEndpoint.Map(app);
DownstreamApi.Map(app);
app.MapGet("/health", () => "ok");
Console.WriteLine($"Signing in at {authority.Authority}; token cache: {tokenCache}");
await app.RunAsync();
