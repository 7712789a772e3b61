using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Platform;
using Microsoft.Extensions.Logging;

namespace Auth.Server;

/// <summary>Options both application kinds share. Bindable from configuration (Options pattern).</summary>
public abstract class ClientApplicationOptions
{
    /// <summary>Gets or sets the application (client) id. Required.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Gets or sets the authority: <c>https://login.microsoftonline.com/{tenant}</c>, or an OpenID Provider's issuer with <see cref="ProtocolMode.Oidc"/>. Required.</summary>
    public string Authority { get; set; } = string.Empty;

    /// <summary>Gets or sets how the library talks to the authority. Default <see cref="ProtocolMode.AzureAD"/>.</summary>
    public ProtocolMode ProtocolMode { get; set; } = ProtocolMode.AzureAD;

    /// <summary>
    /// Gets or sets the authority hosts the app trusts besides its configured authority's host (<c>adfs.contoso.com</c>,
    /// or <c>host:port</c> for one port only). Every authority, including a request's <c>Authority</c> override, must be
    /// trusted before anything is sent to it: its host is the configured authority's, a known Microsoft cloud or tenant host
    /// (<c>*.b2clogin.com</c>, <c>*.ciamlogin.com</c>; only while this list is empty), an Entra ID host that instance discovery
    /// vouches for, or listed here. List your AD FS server, a B2C custom domain, a private cloud, or other OpenID Provider
    /// hosts that requests may name. When set, the list is the whole set of non-Entra hosts trusted, so it must include the
    /// configured authority's host. An authority on any other host is refused with <c>invalid_authority</c>.
    /// </summary>
    public IList<string> KnownAuthorities { get; set; } = [];

    /// <summary>Gets or sets the authority's OpenID configuration JSON, which skips fetching it.</summary>
    public string? AuthorityMetadataJson { get; set; }

    /// <summary>Gets or sets Entra ID instance-discovery JSON (the <c>/common/discovery/instance</c> answer), which skips fetching it.</summary>
    public string? CloudDiscoveryMetadataJson { get; set; }

    /// <summary>
    /// Gets or sets whether an Entra ID authority on a host the library does not know is checked
    /// with Entra's instance discovery (which also yields the cloud's host aliases). Default true.
    /// Discovery fails closed: a host it does not know is <c>invalid_instance</c>, no answer is
    /// <c>instance_discovery_failed</c> (hosts in <see cref="KnownAuthorities"/> are used anyway). Turn it
    /// off for private clouds; then such a host must be the configured authority's or in <see cref="KnownAuthorities"/>.
    /// </summary>
    public bool EnableInstanceDiscovery { get; set; } = true;

    /// <summary>Gets or sets client capabilities announced to the authority (for example <c>cp1</c> for continuous access evaluation).</summary>
    public IList<string> ClientCapabilities { get; set; } = [];

    /// <summary>Gets or sets whether an <c>http://localhost</c> or <c>http://127.0.0.1</c> authority is allowed. For tests only; never in production. It allows http only: a loopback authority, like any other, must be the configured authority's host or in <see cref="KnownAuthorities"/>.</summary>
    public bool AllowInsecureLoopbackAuthority { get; set; }

    /// <summary>Gets or sets the network client; by default an <see cref="Network.HttpClientNetworkClient"/> over <see cref="HttpClientFactory"/> or a shared client.</summary>
    public INetworkClient? NetworkClient { get; set; }

    /// <summary>Gets or sets the factory that provides the <see cref="HttpClient"/> (named <see cref="Network.HttpClientNetworkClient.HttpClientName"/>).</summary>
    public IHttpClientFactory? HttpClientFactory { get; set; }

    /// <summary>Gets or sets the plugin that persists the token cache.</summary>
    public ITokenCachePlugin? CachePlugin { get; set; }

    /// <summary>
    /// Gets or sets which MSAL's spelling new cache entries use where MSAL.NET and msal-node disagree:
    /// <see cref="CacheDialect.MsalNet"/> (default) for a cache shared with MSAL.NET, <see cref="CacheDialect.MsalNode"/>
    /// for one shared with msal-node. It matters only for an authority on a non-default port (<c>environment</c>
    /// <c>idp.example.com</c> or <c>idp.example.com:8443</c>; either is read) and for app tokens of a generic OpenID
    /// Connect authority (<c>realm</c> empty or the authority's first path segment).
    /// </summary>
    public CacheDialect CacheDialect { get; set; }

    /// <summary>Gets or sets the logger factory. Tokens and secrets are never logged.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets whether personal data (user names, e-mail, IPs) may appear in logs. Default false.</summary>
    public bool EnablePiiLogging { get; set; }

    /// <summary>Gets or sets the clock. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets how long before expiry a cached token is treated as expired. Default 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the most access tokens the in-memory cache holds. When a write goes over it, the
    /// soonest-expiring tokens are evicted (down to 90% of the bound). Default null: unbounded, and
    /// expired tokens are still evicted from a partition whenever a token is written to it.
    /// </summary>
    public int? MaxAccessTokens { get; set; }

    /// <summary>
    /// Gets or sets whether a token request or authority document that got a 5xx answer or timed out is
    /// sent once more (after <see cref="RetryDelay"/>). Default true. A token request is sent at most twice.
    /// </summary>
    public bool RetryOnServerError { get; set; } = true;

    /// <summary>Gets or sets the pause before that retry. Default 500 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
