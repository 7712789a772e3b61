// Redeeming a refresh token obtained elsewhere, for apps migrating from another library: the
// result is cached, so later calls go through AcquireTokenSilentAsync. Against the embedded fake
// the sample first gets a refresh token with the password grant to have one to migrate; for a
// real tenant set AUTH_REFRESH_TOKEN.
using Auth.Common.Requests;
using Auth.Server;
using Samples;

await using var environment = SampleEnvironment.Create("sample-migrating-app");
var app = new PublicClientApplication(environment.PublicClientOptions());

var refreshToken = Environment.GetEnvironmentVariable("AUTH_REFRESH_TOKEN") ?? await LegacyRefreshTokenAsync(environment);
var result = await app.AcquireTokenByRefreshTokenAsync(new RefreshTokenRequest { Scopes = environment.Scopes, RefreshToken = refreshToken });
environment.Show("Refresh token", result);

var silent = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = environment.Scopes, Account = result.Account! });
environment.Show("Silent", silent);
return silent.Source == Auth.Common.Responses.TokenSource.Cache ? 0 : 1;

// Stands in for the refresh token another library stored: a password sign-in in a separate app.
static async Task<string> LegacyRefreshTokenAsync(SampleEnvironment environment)
{
    var legacy = new PublicClientApplication(environment.PublicClientOptions());
    var user = environment.Fake!.DefaultUser;
    await legacy.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest { Scopes = environment.Scopes, Username = user.Username, Password = user.Password });
    using var cache = System.Text.Json.JsonDocument.Parse(legacy.GetTokenCache().Serialize());
    return cache.RootElement.GetProperty("RefreshToken").EnumerateObject().First().Value.GetProperty("secret").GetString()!;
}
