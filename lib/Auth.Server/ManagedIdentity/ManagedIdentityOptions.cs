using Auth.Common.Cache;
using Auth.Common.ManagedIdentity;
using Auth.Common.Platform;
using Microsoft.Extensions.Logging;

namespace Auth.Server;

/// <summary>Options of a <see cref="ManagedIdentityApplication"/>.</summary>
public sealed class ManagedIdentityOptions
{
    /// <summary>
    /// Gets or sets the identity: <see cref="ManagedIdentityId.SystemAssigned"/> (default) or a user-assigned one by client,
    /// resource or object id. In configuration: <c>SystemAssigned</c>, <c>ClientId:&lt;guid&gt;</c>,
    /// <c>ResourceId:&lt;resource id&gt;</c> or <c>ObjectId:&lt;guid&gt;</c>.
    /// </summary>
    public ManagedIdentityId Identity { get; set; } = ManagedIdentityId.SystemAssigned;

    /// <summary>Gets or sets the HTTP seam; when null, <see cref="HttpClientFactory"/> or a shared client that follows no redirects.</summary>
    public INetworkClient? NetworkClient { get; set; }

    /// <summary>Gets or sets the factory the HTTP client comes from, when <see cref="NetworkClient"/> is null.</summary>
    public IHttpClientFactory? HttpClientFactory { get; set; }

    /// <summary>Gets or sets the host (environment, Azure Arc's files, Service Fabric's pinned HTTPS); when null, <see cref="ManagedIdentityPlatform"/> over the process's environment.</summary>
    public IManagedIdentityPlatform? Platform { get; set; }

    /// <summary>Gets or sets the plugin that persists tokens; in memory only when null.</summary>
    public ITokenCachePlugin? CachePlugin { get; set; }

    /// <summary>Gets or sets the logger factory. Tokens, the endpoint's secret and Azure Arc's key are never logged.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the clock (default: the system clock).</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets the unit of retry pauses (default 1 s; see <see cref="ManagedIdentityClientOptions.RetryDelay"/>).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
