using Auth.Extensions.DependencyInjection;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace WebApp;

/// <summary>
/// Where the web app keeps its users' tokens. By default in memory: one instance, forgotten on restart.
/// With the connection string <c>TokenCache:Redis</c> (environment variable <c>TokenCache__Redis</c>, for example
/// <c>127.0.0.1:6379</c>) in Redis, one entry per user, shared by every instance of the app and kept
/// across restarts. The data-protection keys that encrypt the session cookie then live in Redis too, so
/// any instance reads the cookie another instance wrote.
/// </summary>
internal static class TokenCacheSetup
{
    private const string AppName = "auth-sample-webapp";

    /// <summary>Registers the token cache the configuration asks for; returns a description without the connection string.</summary>
    public static string Add(WebApplicationBuilder builder)
    {
        if (builder.Configuration["TokenCache:Redis"] is not { Length: > 0 } configuration)
        {
            return "in memory";
        }

        var redis = ConnectionMultiplexer.Connect(configuration);
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        builder.Services.AddStackExchangeRedisCache(o => o.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(redis));
        builder.Services.AddDistributedTokenCache();
        builder.Services.AddDataProtection().SetApplicationName(AppName).PersistKeysToStackExchangeRedis(redis, AppName + ":data-protection-keys");
        return "Redis";
    }
}
