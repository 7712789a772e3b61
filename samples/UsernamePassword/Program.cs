// The resource owner password grant (RFC 6749 section 4.3). Discouraged: no MFA, no federation.
// Against the embedded fake it signs in the fake's default user; for a real tenant set
// AUTH_USERNAME and AUTH_PASSWORD.
using Auth.Common.Requests;
using Auth.Server;
using Samples;

await using var environment = SampleEnvironment.Create("sample-ropc-app");
var app = new PublicClientApplication(environment.PublicClientOptions());

var result = await app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
{
    Scopes = environment.Scopes,
    Username = Environment.GetEnvironmentVariable("AUTH_USERNAME") ?? environment.Fake!.DefaultUser.Username,
    Password = Environment.GetEnvironmentVariable("AUTH_PASSWORD") ?? environment.Fake!.DefaultUser.Password,
});
environment.Show("Username/password", result);
return 0;
