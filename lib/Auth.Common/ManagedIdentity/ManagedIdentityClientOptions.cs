using Auth.Common.Cache;
using Auth.Common.Platform;
using Microsoft.Extensions.Logging;

namespace Auth.Common.ManagedIdentity;

/// <summary>What a <see cref="ManagedIdentityClient"/> is built from: the identity and the host's seams.</summary>
public sealed class ManagedIdentityClientOptions
{
    /// <summary>Gets or sets the identity to get tokens for (default: the system-assigned one).</summary>
    public ManagedIdentityId Identity { get; set; } = ManagedIdentityId.SystemAssigned;

    /// <summary>Gets or sets the HTTP seam for every source but Service Fabric (which gets its pinned client from <see cref="Platform"/>). Required.</summary>
    public INetworkClient? NetworkClient { get; set; }

    /// <summary>Gets or sets the host: environment variables, Azure Arc's key files, Service Fabric's pinned HTTPS. Required.</summary>
    public IManagedIdentityPlatform? Platform { get; set; }

    /// <summary>Gets or sets the cache plugin that persists tokens (partition key <c>{identity id}_managed_identity_AppTokenCache</c>); in memory only when null.</summary>
    public ITokenCachePlugin? CachePlugin { get; set; }

    /// <summary>Gets or sets the logger. Tokens, the endpoint's secret header and Azure Arc's key are never logged.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>Gets or sets the clock for expiry and retry pauses (default: the system clock).</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Gets or sets the unit of the retry pauses (default 1 s): IMDS waits 1, 2 and 4 units between retries (10 while it
    /// answers 410), the other sources one unit or the Retry-After they ask for. Zero retries at once (tests).
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
