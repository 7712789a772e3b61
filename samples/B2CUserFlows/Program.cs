// Azure AD B2C user flows in an ASP.NET Core web app (confidential client, auth code + PKCE): sign up or sign in,
// edit profile and reset password, each a policy; "Forgot your password?" on the sign-in page leads to the reset
// policy, Cancel leads home. No configuration: the embedded FakeAuthority plays the B2C tenant contoso (sign in as
// ada@contoso.com / P@ssw0rd!, or sign up). A real tenant: AUTH_B2C_TENANT, AUTH_CLIENT_ID, AUTH_CLIENT_SECRET, and
// optionally AUTH_B2C_SIGNUP_SIGNIN, AUTH_B2C_EDIT_PROFILE, AUTH_B2C_PASSWORD_RESET, AUTH_SCOPE (see B2CSampleAuthority).
using Auth.Server.DependencyInjection;
using B2CUserFlows;
using Microsoft.AspNetCore.Authentication.Cookies;
using Samples.Web;

using var b2c = B2CSampleAuthority.FromEnvironment();
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(b2c);
builder.Services.AddConfidentialClient(options =>
{
    options.ClientId = b2c.ClientId;
    options.Authority = b2c.AuthorityFor(b2c.SignUpSignIn);
    options.ClientSecret = b2c.ClientSecret;
    options.NetworkClient = b2c.NetworkClient();
});
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.LoginPath = "/signin");

var app = builder.Build();
app.UseAuthentication();
SiteStylesheet.Map(app);
HomeEndpoint.Map(app);
UserFlowEndpoints.Map(app);
app.MapGet("/health", () => "ok");
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"Open {url}/ in a browser.");
    }

    Console.WriteLine(b2c.Fake is null
        ? $"Signing in at {b2c.AuthorityFor(b2c.SignUpSignIn)}"
        : $"Embedded fake B2C tenant at {b2c.AuthorityFor(b2c.SignUpSignIn)} (self-signed certificate): sign in as {b2c.Fake.DefaultUser.Username} / {b2c.Fake.DefaultUser.Password}, or sign up.");
});
await app.RunAsync();
