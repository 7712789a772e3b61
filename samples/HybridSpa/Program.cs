// The hybrid SPA flow (Microsoft Entra ID's "SPA authorization code"): the server signs the user in with the
// authorization code flow (confidential client, PKCE, state, nonce) and asks for a second code with the tokens
// (EnableSpaAuthorizationCode); the page it renders hands that SPA code to its JavaScript, which redeems it at the
// token endpoint itself (a cross-origin fetch), so the user is signed in on the server and in the browser with one sign-in.
// No configuration: it starts the embedded FakeAuthority. Run with --urls http://127.0.0.1:5090 (or any port).
// Against a real tenant set AUTH_AUTHORITY, AUTH_CLIENT_ID, AUTH_CLIENT_SECRET (and AUTH_SCOPE); the app registration
// needs {url}/signin-callback as a Web redirect URI and {url}/ as a Single-page application redirect URI.
using Auth.Common.Authority;
using Auth.Server.DependencyInjection;
using HybridSpa;
using Microsoft.AspNetCore.Authentication.Cookies;
using Samples.Web;

using var authority = WebSampleAuthority.FromEnvironment("sample-hybrid-spa", "sample-hybrid-spa-secret");
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddConfidentialClient(authority.Configure);
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.LoginPath = "/signin");
builder.Services.AddSingleton(SpaSettings.For(authority));

var app = builder.Build();
app.UseAuthentication();
Assets.Map(app);
HomePage.Map(app);
SignInEndpoints.Map(app);
app.MapGet("/health", () => "ok");
await app.StartAsync();

foreach (var url in app.Urls)
{
    // The SPA platform of the same app registration: its redirect URI's origin may redeem SPA codes cross-origin.
    authority.Fake?.RegisterSpaRedirectUri(authority.ClientId, SpaSettings.RedirectUri(url));
    Console.WriteLine($"Open {url}/ and sign in{(authority.Fake is null ? "." : " (the embedded authority's user: ada@contoso.com / P@ssw0rd!).")}");
}

Console.WriteLine($"Signing in at {authority.Authority}; the page redeems its SPA code at {app.Services.GetRequiredService<SpaSettings>().TokenEndpoint}.");
if (authority.Mode == ProtocolMode.Oidc)
{
    Console.WriteLine("AUTH_PROTOCOL=oidc: the SPA code is Microsoft Entra ID's; other providers return none, which the page reports.");
}

await app.WaitForShutdownAsync();
