// A daemon wired with dependency injection: a confidential client (client credentials) whose
// token cache lives in an IDistributedCache, one entry per tenant. Set AUTH_REDIS (for example
// 127.0.0.1:6379) to share tokens between processes through Redis; without it the cache is in
// memory. Run it twice with Redis and the second process is served from Redis, with no request
// to the identity provider. No AUTH_AUTHORITY: the embedded FakeAuthority (fixed tenant) is used.
using Auth.Common.Requests;
using Auth.Extensions.DependencyInjection;
using Auth.Server;
using Auth.Server.DependencyInjection;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var authority = Environment.GetEnvironmentVariable("AUTH_AUTHORITY");
var redis = Environment.GetEnvironmentVariable("AUTH_REDIS");
await using var fake = authority is null ? FakeAuthority.Start(new FakeAuthorityOptions { TenantId = "3b1f7c2a-9d4e-4f6b-8a2c-5e7d9f1a3c6b" }) : null;
fake?.RegisterClient("sample-daemon", "sample-secret");

var services = new ServiceCollection();
services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
if (redis is null)
{
    services.AddDistributedMemoryCache();
}
else
{
    services.AddStackExchangeRedisCache(o => o.Configuration = redis);
}

services.AddDistributedTokenCache();
services.AddConfidentialClient(o =>
{
    o.ClientId = Environment.GetEnvironmentVariable("AUTH_CLIENT_ID") ?? "sample-daemon";
    o.Authority = authority ?? fake!.Authority;
    o.ClientSecret = Environment.GetEnvironmentVariable("AUTH_CLIENT_SECRET") ?? "sample-secret";
    o.NetworkClient = fake is null ? null : new HttpClientNetworkClient(fake.CreateHttpClient());
});
await using var provider = services.BuildServiceProvider();

var app = provider.GetRequiredService<ConfidentialClientApplication>();
var request = new ClientCredentialRequest { Scopes = [Environment.GetEnvironmentVariable("AUTH_SCOPE") ?? "api://sample-api/.default"] };
Console.WriteLine($"Token cache: {(redis is null ? "in memory" : $"Redis at {redis}")}");
for (var call = 1; call <= 2; call++)
{
    var result = await app.AcquireTokenByClientCredentialAsync(request);
    Console.WriteLine($"call {call}: source={result.Source}, expires={result.ExpiresOn:u}, token={result.AccessToken[..16]}…");
}

if (fake is not null)
{
    Console.WriteLine($"Token requests that reached the identity provider: {fake.RequestCount("client_credentials")}");
}
