using System.Diagnostics.CodeAnalysis;
using Auth.Common.ManagedIdentity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Auth.Server.DependencyInjection;

/// <summary>
/// Registers the applications as singletons with the Options pattern: options bound from
/// configuration or a delegate, validated at start-up, with the container's
/// <see cref="IHttpClientFactory"/>, <c>ILoggerFactory</c>, <c>ITokenCachePlugin</c> and <see cref="TimeProvider"/>.
/// </summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds a <see cref="ConfidentialClientApplication"/> configured from <paramref name="configuration"/> (for example the "Auth" section).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind <see cref="ConfidentialClientOptions"/> from.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddConfidentialClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddConfidentialClient(options => configuration.Bind(options));
    }

    /// <summary>Adds a <see cref="ConfidentialClientApplication"/> configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddConfidentialClient(this IServiceCollection services, Action<ConfidentialClientOptions> configure)
    {
        Register(services, configure);
        services.TryAddSingleton(sp => new ConfidentialClientApplication(ContainerDefaults.Apply(sp.GetRequiredService<IOptions<ConfidentialClientOptions>>().Value, sp)));
        return services;
    }

    /// <summary>Adds a <see cref="PublicClientApplication"/> configured from <paramref name="configuration"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind <see cref="PublicClientOptions"/> from.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPublicClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddPublicClient(options => configuration.Bind(options));
    }

    /// <summary>Adds a <see cref="PublicClientApplication"/> configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPublicClient(this IServiceCollection services, Action<PublicClientOptions> configure)
    {
        Register(services, configure);
        services.TryAddSingleton(sp => new PublicClientApplication(ContainerDefaults.Apply(sp.GetRequiredService<IOptions<PublicClientOptions>>().Value, sp)));
        return services;
    }

    /// <summary>
    /// Adds a <see cref="ManagedIdentityApplication"/> configured from <paramref name="configuration"/> (for example the
    /// "ManagedIdentity" section, whose <c>Identity</c> is <c>SystemAssigned</c>, <c>ClientId:&lt;guid&gt;</c>,
    /// <c>ResourceId:&lt;id&gt;</c> or <c>ObjectId:&lt;guid&gt;</c>), validated at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind <see cref="ManagedIdentityOptions"/> from.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddManagedIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddManagedIdentity(options =>
        {
            configuration.Bind(options);
            if (configuration[nameof(ManagedIdentityOptions.Identity)] is { } identity)
            {
                options.Identity = ManagedIdentityId.Parse(identity);
            }
        });
    }

    /// <summary>Adds a <see cref="ManagedIdentityApplication"/> configured by <paramref name="configure"/>, validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddManagedIdentity(this IServiceCollection services, Action<ManagedIdentityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ManagedIdentityOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ManagedIdentityOptions>, ManagedIdentityOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        ContainerDefaults.AddHttp(services);
        services.TryAddSingleton(sp => new ManagedIdentityApplication(ContainerDefaults.Apply(sp.GetRequiredService<IOptions<ManagedIdentityOptions>>().Value, sp)));
        return services;
    }

    private static void Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceCollection services, Action<TOptions> configure)
        where TOptions : ClientApplicationOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, ClientOptionsValidation<TOptions>>());
        services.TryAddSingleton(TimeProvider.System);
        ContainerDefaults.AddHttp(services);
    }
}
