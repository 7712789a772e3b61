// The client of build/package-test.sh, built against the packed Auth.Server and Auth.Extensions
// alone: no Auth.Testing, so no ASP.NET Core shared framework (which WireMock.Net brings) to hide
// a Microsoft.Extensions dependency missing from a package. Client credentials against the
// authority given as argument, twice per client: the first token from the identity provider, the
// second from the cache; once with Auth.Server alone, once through DI with Auth.Extensions'
// distributed token cache (over the small in-memory IDistributedCache below).
using System.Collections.Concurrent;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Extensions.DependencyInjection;
using Auth.Server;
using Auth.Server.DependencyInjection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

var authority = args[0];
var request = new ClientCredentialRequest { Scopes = ["api://package-test/.default"] };

var app = new ConfidentialClientApplication(new ConfidentialClientOptions
{
    ClientId = "package-test",
    Authority = authority,
    ClientCredential = ClientCredential.FromSecret("package-test-secret"),
    AllowInsecureLoopbackAuthority = true,
});
var ok = await TwiceAsync("Auth.Server", app, request);

var services = new ServiceCollection();
services.AddSingleton<IDistributedCache, DictionaryCache>();
services.AddDistributedTokenCache();
services.AddConfidentialClient(o =>
{
    o.ClientId = "package-test";
    o.Authority = authority;
    o.ClientSecret = "package-test-secret";
    o.AllowInsecureLoopbackAuthority = true;
});
await using (var provider = services.BuildServiceProvider())
{
    ok &= await TwiceAsync("Auth.Extensions", provider.GetRequiredService<ConfidentialClientApplication>(), request);
    ok &= provider.GetRequiredService<IDistributedCache>() is DictionaryCache { Count: > 0 };
}

return ok ? 0 : 1;

static async Task<bool> TwiceAsync(string label, ConfidentialClientApplication app, ClientCredentialRequest request)
{
    var first = await app.AcquireTokenByClientCredentialAsync(request);
    var second = await app.AcquireTokenByClientCredentialAsync(request);
    Console.WriteLine($"{label}: 1st call {first.Source}, 2nd call {second.Source}");
    return first.Source == TokenSource.IdentityProvider && second.Source == TokenSource.Cache
        && first.AccessToken.Length > 0 && second.AccessToken == first.AccessToken;
}

internal sealed class DictionaryCache : IDistributedCache
{
    private readonly ConcurrentDictionary<string, byte[]> _entries = new();

    public int Count => _entries.Count;

    public byte[]? Get(string key) => _entries.TryGetValue(key, out var value) ? value : null;

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _entries[key] = value;

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => _entries.TryRemove(key, out _);

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }
}
