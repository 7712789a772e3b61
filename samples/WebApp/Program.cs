// A web app that signs users in with the authorization code flow (confidential client, PKCE),
// shows their ID token claims, and calls a downstream API with a token from the cache.
// /profile is the on-behalf-of chain: it calls the web API samples/WebApiObo (WebApi__BaseUrl, default
// http://127.0.0.1:5090/) with a token for its scope (WebApi__Scope), and the API calls Microsoft Graph on
// behalf of the user; start the API with the command this app prints, which points it at this app's authority.
// No configuration: it starts the embedded FakeAuthority (plain http on loopback, shared with the API) and keeps
// tokens in memory. Run with --urls http://127.0.0.1:5080. Set TokenCache__Redis (e.g. 127.0.0.1:6379) to keep
// tokens in Redis, shared by several instances of the app and kept across restarts (see TokenCacheSetup).
using Auth.Server.DependencyInjection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Samples.Web;
using WebApp;

using var authority = WebSampleAuthority.FromEnvironment("sample-web-app", "sample-web-secret");
var builder = WebApplication.CreateBuilder(args);
var tokenCache = TokenCacheSetup.Add(builder);
builder.Services.AddConfidentialClient(authority.Configure);
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.LoginPath = "/signin");
DownstreamApi.AddValidation(builder, authority);
builder.Services.AddAuthorization();
builder.Services.AddHttpClient("downstream");
builder.Services.AddHttpClient("webapi");

// The web API of the on-behalf-of chain signs in at this same embedded authority: register it here.
authority.Fake?.RegisterClient(OnBehalfOfChain.ApiClientId, OnBehalfOfChain.ApiFakeSecret);
var webApi = WebApiSettings.From(builder.Configuration, authority);
builder.Services.AddSingleton(webApi);

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
SiteStylesheet.Map(app);
HomeEndpoint.Map(app);
ProfileEndpoint.Map(app);
SignInEndpoints.Map(app);
AccountEndpoint.Map(app);
DownstreamApi.Map(app);
app.MapGet("/health", () => "ok");
Console.WriteLine($"Signing in at {authority.Authority}; token cache: {tokenCache}; web API (/profile): {webApi.BaseUrl}");
if (webApi.StartCommand is { } startApi)
{
    Console.WriteLine($"Start the web API against this authority in another terminal:\n  {startApi}");
}

await app.RunAsync();
