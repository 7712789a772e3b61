using Auth.Common.Cache;
using Auth.Server.Network;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Auth.Server.DependencyInjection;

/// <summary>Fills the options the app left empty from the container: logging, HTTP, cache plugin, clock.</summary>
internal static class ContainerDefaults
{
    public static TOptions Apply<TOptions>(TOptions options, IServiceProvider services)
        where TOptions : ClientApplicationOptions
    {
        options.LoggerFactory ??= services.GetService<ILoggerFactory>();
        options.HttpClientFactory ??= services.GetService<IHttpClientFactory>();
        options.CachePlugin ??= services.GetService<ITokenCachePlugin>();
        options.TimeProvider ??= services.GetService<TimeProvider>();
        return options;
    }

    public static ManagedIdentityOptions Apply(ManagedIdentityOptions options, IServiceProvider services)
    {
        options.LoggerFactory ??= services.GetService<ILoggerFactory>();
        options.HttpClientFactory ??= services.GetService<IHttpClientFactory>();
        options.CachePlugin ??= services.GetService<ITokenCachePlugin>();
        options.TimeProvider ??= services.GetService<TimeProvider>();
        return options;
    }

    public static void AddHttp(IServiceCollection services) =>
        services.AddHttpClient(HttpClientNetworkClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false });
}
