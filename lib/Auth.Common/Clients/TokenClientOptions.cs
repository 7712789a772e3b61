using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Credentials;
using Auth.Common.Platform;
using Microsoft.Extensions.Logging;

namespace Auth.Common.Clients;

/// <summary>
/// Everything a <see cref="TokenClient"/> is built from: the app's registration, its authority, and
/// the platform seams. Auth.Server fills this from its application options with its own adapters;
/// a host without Auth.Server (Unity, WASM, an embedded device) fills it with its own
/// <see cref="INetworkClient"/> and <see cref="ICryptoProvider"/>.
/// </summary>
public sealed class TokenClientOptions
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
    public IReadOnlyList<string> KnownAuthorities { get; set; } = [];

    /// <summary>Gets or sets the authority's OpenID configuration JSON, which skips fetching it.</summary>
    public string? AuthorityMetadataJson { get; set; }

    /// <summary>Gets or sets Entra ID instance-discovery JSON, which skips fetching it.</summary>
    public string? CloudDiscoveryMetadataJson { get; set; }

    /// <summary>
    /// Gets or sets whether an Entra ID authority on a host the library does not know is checked with Entra's instance
    /// discovery. Default true. Discovery fails closed: a host it does not know is <c>invalid_instance</c>, no answer is
    /// <c>instance_discovery_failed</c> (hosts in <see cref="KnownAuthorities"/> are used anyway). Off, such a host must be
    /// the configured authority's or in <see cref="KnownAuthorities"/>.
    /// </summary>
    public bool EnableInstanceDiscovery { get; set; } = true;

    /// <summary>Gets or sets client capabilities announced to the authority (for example <c>cp1</c>).</summary>
    public IReadOnlyList<string> ClientCapabilities { get; set; } = [];

    /// <summary>Gets or sets whether an <c>http://localhost</c> or <c>http://127.0.0.1</c> authority is allowed. For tests only. It allows http only: a loopback authority, like any other, must be the configured authority's host or in <see cref="KnownAuthorities"/>.</summary>
    public bool AllowInsecureLoopbackAuthority { get; set; }

    /// <summary>Gets or sets how the client sends HTTP requests. Required.</summary>
    public INetworkClient? NetworkClient { get; set; }

    /// <summary>
    /// Gets or sets which MSAL's spelling new cache entries use where MSAL.NET and msal-node disagree:
    /// <see cref="CacheDialect.MsalNet"/> (default) for a cache shared with MSAL.NET, <see cref="CacheDialect.MsalNode"/>
    /// for one shared with msal-node. It matters only for an authority on a non-default port (<c>environment</c>
    /// <c>idp.example.com</c> or <c>idp.example.com:8443</c>; either is read) and for app tokens of a generic OpenID
    /// Connect authority (<c>realm</c> empty or the authority's first path segment).
    /// </summary>
    public CacheDialect CacheDialect { get; set; }

    /// <summary>Gets or sets the cryptography (random values, hashing, signing). Required.</summary>
    public ICryptoProvider? CryptoProvider { get; set; }

    /// <summary>Gets or sets how a confidential client proves its identity; null makes this a public client.</summary>
    public IClientAuthenticator? ClientAuthenticator { get; set; }

    /// <summary>Gets or sets the loopback listener for interactive sign-in (public clients); without it interactive sign-in is refused.</summary>
    public ILoopbackListener? LoopbackListener { get; set; }

    /// <summary>Gets or sets how the browser is opened for interactive sign-in; without it the request must bring its own OpenBrowser callback.</summary>
    public IBrowserLauncher? BrowserLauncher { get; set; }

    /// <summary>Gets or sets the plugin that persists the token cache.</summary>
    public ITokenCachePlugin? CachePlugin { get; set; }

    /// <summary>Gets or sets the logger. Tokens and secrets are never logged.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>Gets or sets whether user names, account ids and tenants may appear in log lines. Default false.</summary>
    public bool EnablePiiLogging { get; set; }

    /// <summary>Gets or sets the clock. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets how long before expiry a cached token is treated as expired. Default 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the most access tokens the in-memory cache holds (null: unbounded).</summary>
    public int? MaxAccessTokens { get; set; }

    /// <summary>Gets or sets whether a token request or authority document that got a 5xx or timed out is sent once more. Default true.</summary>
    public bool RetryOnServerError { get; set; } = true;

    /// <summary>Gets or sets the pause before that retry. Default 500 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the Azure region of the environment, used by client-credential requests that ask to detect it.</summary>
    public string? EnvironmentRegion { get; set; }

    /// <summary>Gets or sets the library name and version announced to Entra ID (<c>x-client-SKU</c>, <c>x-client-VER</c>); empty sends none.</summary>
    public string ClientSku { get; set; } = string.Empty;

    /// <summary>Gets or sets the version announced with <see cref="ClientSku"/>.</summary>
    public string ClientVersion { get; set; } = string.Empty;

    /// <summary>Gets or sets the operating system announced to Entra ID (<c>x-client-OS</c>); empty sends none.</summary>
    public string ClientOs { get; set; } = string.Empty;
}
