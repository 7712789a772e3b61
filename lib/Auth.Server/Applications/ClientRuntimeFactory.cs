using System.Reflection;
using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Flows;
using Auth.Common.Platform;
using Auth.Common.Protocol;
using Auth.Server.Crypto;
using Auth.Server.Network;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth.Server.Applications;

/// <summary>Composes the adapters and Common's engine for one application from its options.</summary>
internal static class ClientRuntimeFactory
{
    private static readonly string Version =
        typeof(ClientRuntimeFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static ClientRuntime Create(ClientApplicationOptions options, AuthorityInfo authority, ILogger logger)
    {
        var time = options.TimeProvider ?? TimeProvider.System;
        var network = options.NetworkClient
            ?? (options.HttpClientFactory is { } factory
                ? new HttpClientNetworkClient(factory)
                : new HttpClientNetworkClient(DefaultHttpClient.Instance));
        var headers = new ClientHeaders("Auth.Server", Version, System.Runtime.InteropServices.RuntimeInformation.OSDescription);
        var metadata = new AuthorityMetadataResolver(network, time, logger, options.AllowInsecureLoopbackAuthority, headers);
        if (!string.IsNullOrWhiteSpace(options.AuthorityMetadataJson))
        {
            metadata.Seed(authority, options.AuthorityMetadataJson);
        }

        var instances = new InstanceDiscovery(network, headers, options.EnableInstanceDiscovery, [.. options.KnownAuthorities]);
        if (!string.IsNullOrWhiteSpace(options.CloudDiscoveryMetadataJson))
        {
            instances.Seed(options.CloudDiscoveryMetadataJson);
        }

        return new ClientRuntime
        {
            ClientId = options.ClientId,
            Authority = authority,
            AllowInsecureLoopbackAuthority = options.AllowInsecureLoopbackAuthority,
            Network = network,
            Crypto = new CryptoProvider(),
            Time = time,
            Logger = logger,
            EnablePiiLogging = options.EnablePiiLogging,
            ClockSkew = options.ClockSkew,
            Metadata = metadata,
            Cache = new CacheAccessor(new TokenCacheStore(options.MaxAccessTokens), options.CachePlugin, options.ClientId, logger),
            TokenEndpoint = new TokenEndpointClient(network, time, logger),
            Headers = headers,
            Instances = instances,
            DetectedRegion = Environment.GetEnvironmentVariable("REGION_NAME"),
            ClientCapabilities = [.. options.ClientCapabilities],
            KnownAuthorities = [.. options.KnownAuthorities],
        };
    }

    public static ILogger CreateLogger(ClientApplicationOptions options, Type application) =>
        options.LoggerFactory?.CreateLogger(application.FullName ?? application.Name) ?? NullLogger.Instance;
}
