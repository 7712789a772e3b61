using Auth.Extensions.Distributed;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web.TokenCacheProviders;
using Microsoft.Identity.Web.TokenCacheProviders.Distributed;

namespace Auth.Benchmarks.Fakes;

/// <summary>
/// Rows 8 and 9: the apps of <see cref="Apps"/> with each library's own distributed token cache, at its
/// defaults (memory level on), over a <see cref="RedisCache"/> for the given server. Both caches get
/// the same client settings and a key prefix of their own; the caller disposes what is returned.
/// </summary>
public static class RedisApps
{
    public const string MsalPrefix = "msal-tokens:";

    /// <summary>Ours: <see cref="DistributedTokenCachePlugin"/> with default options (KeyPrefix "auth-tokens:"); <paramref name="clock"/> is the app's.</summary>
    public static Auth.Server.ConfidentialClientApplication Ours(FakeAuthorityHandler handler, RedisServerProcess server, TimeProvider clock, out RedisCache cache)
    {
        cache = Cache(server, instanceName: null);
        return Apps.Ours(handler, Apps.Tenant(0), new DistributedTokenCachePlugin(cache), clock);
    }

    /// <summary>
    /// MSAL.NET with Microsoft.Identity.Web's <c>MsalDistributedTokenCacheAdapter</c>, set up as its
    /// <c>app.AddDistributedTokenCache(services =&gt; …)</c> sets it up (AddDistributedTokenCaches, data
    /// protection, logging, the RedisCache that AddStackExchangeRedisCache would register) but in a service
    /// provider of this setup's own: AddDistributedTokenCache keeps the first provider it builds for the
    /// rest of the process, so a second setup in the same process would get the first one's cache and server.
    /// </summary>
    public static IConfidentialClientApplication Msal(FakeAuthorityHandler handler, RedisServerProcess server, out RedisCache cache, out ServiceProvider services)
    {
        var redis = Cache(server, MsalPrefix);
        var collection = new ServiceCollection();
        collection.AddDistributedTokenCaches();
        collection.AddDataProtection();
        collection.AddSingleton<IDistributedCache>(redis);
        collection.AddLogging();
        var provider = collection.BuildServiceProvider();
        var app = Apps.Msal(handler, Apps.Tenant(0));
        var adapter = provider.GetRequiredService<IMsalTokenCacheProvider>();
        adapter.Initialize(app.UserTokenCache);
        adapter.Initialize(app.AppTokenCache);
        (cache, services) = (redis, provider);
        return app;
    }

    private static RedisCache Cache(RedisServerProcess server, string? instanceName) =>
        new(Options.Create(new RedisCacheOptions { ConfigurationOptions = server.ClientOptions(), InstanceName = instanceName }));
}
