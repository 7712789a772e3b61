// A daemon that gets an app-only token with the client-credentials grant, twice: the first
// from the identity provider, the second from the token cache.
//
// With no configuration it starts the embedded FakeAuthority (tests/Auth.Testing) on a free
// loopback port. To use a real tenant, set AUTH_AUTHORITY, AUTH_CLIENT_ID, AUTH_CLIENT_SECRET
// and AUTH_SCOPE (for example https://graph.microsoft.com/.default).
using Auth.Common.Requests;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.Logging;

var authority = Environment.GetEnvironmentVariable("AUTH_AUTHORITY");
var clientId = Environment.GetEnvironmentVariable("AUTH_CLIENT_ID") ?? "sample-daemon";
var secret = Environment.GetEnvironmentVariable("AUTH_CLIENT_SECRET") ?? "sample-secret";
var scope = Environment.GetEnvironmentVariable("AUTH_SCOPE") ?? "api://sample-api/.default";

await using var fake = authority is null ? FakeAuthority.Start() : null;
fake?.RegisterClient(clientId, secret);
Console.WriteLine(fake is null
    ? $"Authority: {authority}"
    : $"Authority: {fake.Authority} (embedded FakeAuthority; set AUTH_AUTHORITY to use a real tenant)");

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));

// #region snippet
var app = new ConfidentialClientApplication(new ConfidentialClientOptions
{
    ClientId = clientId,
    Authority = authority ?? fake!.Authority,
    ClientCredential = ClientCredential.FromSecret(secret),
    LoggerFactory = loggerFactory,
    // Only the fake needs this: it trusts the fake's self-signed TLS certificate and nothing else.
    NetworkClient = fake is null ? null : new HttpClientNetworkClient(fake.CreateHttpClient()),
});

var request = new ClientCredentialRequest { Scopes = [scope] };
var first = await app.AcquireTokenByClientCredentialAsync(request);
var second = await app.AcquireTokenByClientCredentialAsync(request);
// #endregion

Show("1st call", first, fake is not null);
Show("2nd call", second, fake is not null);
Console.WriteLine(first.AccessToken == second.AccessToken
    ? "The second call returned the same token from the cache, without asking the identity provider."
    : "Unexpected: the second call returned a different token.");
return first.AccessToken == second.AccessToken && second.Source == Auth.Common.Responses.TokenSource.Cache ? 0 : 1;

static void Show(string label, Auth.Common.Responses.AuthenticationResult result, bool printWholeToken)
{
    // The fake's tokens are worthless outside this process, so the sample prints them whole;
    // a real token is shortened: never print or log a real access token.
    var token = printWholeToken ? result.AccessToken : result.AccessToken[..Math.Min(12, result.AccessToken.Length)] + "…";
    Console.WriteLine($"{label}: source={result.Source}, expires={result.ExpiresOn:u}, scopes={string.Join(' ', result.Scopes)}");
    Console.WriteLine($"  access token: {token}");
}
