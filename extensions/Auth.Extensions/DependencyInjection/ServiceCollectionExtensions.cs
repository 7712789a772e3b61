using Auth.Common.Cache;
using Auth.Extensions.Distributed;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Extensions.DependencyInjection;

/// <summary>Registers the Auth.Extensions token caches in a service collection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="DistributedTokenCachePlugin"/> as the singleton
    /// <see cref="ITokenCachePlugin"/>, over the container's <see cref="IDistributedCache"/>
    /// (register one, for example with <c>AddStackExchangeRedisCache</c>). The options are
    /// validated at start-up. An <see cref="ITokenCachePlugin"/> or <see cref="TimeProvider"/>
    /// registered before is kept.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; more can be bound with <c>services.Configure</c>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddDistributedTokenCache(this IServiceCollection services, Action<DistributedTokenCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DistributedTokenCacheOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DistributedTokenCacheOptions>, DistributedTokenCacheOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITokenCachePlugin>(static provider => new DistributedTokenCachePlugin(
            provider.GetRequiredService<IDistributedCache>(),
            provider.GetRequiredService<IOptions<DistributedTokenCacheOptions>>().Value,
            provider.GetService<ILoggerFactory>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
