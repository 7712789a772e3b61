using Auth.Common.Errors;

namespace Auth.Common.Authority;

/// <summary>
/// A parsed, validated authority: its kind, tenant, where metadata lives, and (once instance
/// discovery ran) the cloud's host aliases used to key and find cache entries.
/// </summary>
internal sealed class AuthorityInfo
{
    private AuthorityInfo(Uri uri, ProtocolMode mode, AuthorityKind kind, string tenant, Uri metadataUri, CacheDialect dialect, CloudInstance? cloud = null)
    {
        Dialect = dialect;
        AppRealm = kind == AuthorityKind.Generic && dialect == CacheDialect.MsalNode
            ? uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty
            : tenant;
        Uri = uri;
        Mode = mode;
        Kind = kind;
        Tenant = tenant;
        Host = uri.Host.ToLowerInvariant();
        HostWithPort = uri.IsDefaultPort ? Host : $"{Host}:{uri.Port}";
        MetadataUri = metadataUri;
        CanonicalAuthority = uri.AbsoluteUri.TrimEnd('/');
        IssuerKey = $"{uri.Scheme.ToLowerInvariant()}://{Host}{(uri.IsDefaultPort ? string.Empty : $":{uri.Port}")}{uri.AbsolutePath.TrimEnd('/')}";
        Cloud = (cloud ?? CloudInstance.Single(Host)).ForPort(Host, HostWithPort, dialect);
        B2CPolicy = kind == AuthorityKind.B2C ? uri.Segments[^1].TrimEnd('/') : null;
    }

    /// <summary>Gets the authority URI (lower-case host, no query).</summary>
    public Uri Uri { get; }

    /// <summary>Gets the authority without a trailing slash; the key of its metadata.</summary>
    public string CanonicalAuthority { get; }

    public ProtocolMode Mode { get; }

    public AuthorityKind Kind { get; }

    /// <summary>Gets the Azure AD B2C policy (user flow) as the URL spells it, null for other kinds.</summary>
    public string? B2CPolicy { get; }

    /// <summary>Gets the tenant: the tenant segment (or "adfs"), empty for a generic OIDC authority.</summary>
    public string Tenant { get; }

    /// <summary>
    /// Gets the realm of app (client credentials) tokens: the tenant, or for a generic OpenID Connect authority
    /// empty (MSAL.NET) or its first path segment (msal-node, which takes that segment as the tenant).
    /// </summary>
    public string AppRealm { get; }

    /// <summary>
    /// Gets the issuer as cache entries name it: lower-case scheme and host, the port only when it is not the scheme's
    /// default, the path as it is without a trailing slash. Its own property, not derived from another, because the
    /// entries it scopes are persisted: it must not change when something else does.
    /// </summary>
    public string IssuerKey { get; }

    /// <summary>
    /// Gets the issuer app (client-credentials) tokens are scoped to: <see cref="IssuerKey"/> for a generic OpenID
    /// Provider, whose <see cref="AppRealm"/> two issuers on one host can share; null for Microsoft kinds, whose realm
    /// names the tenant.
    /// </summary>
    public string? AppTokenIssuer => Kind == AuthorityKind.Generic ? IssuerKey : null;

    /// <summary>Gets the authority host, lower case, without port.</summary>
    public string Host { get; }

    /// <summary>Gets the host with a non-default port, the form msal-node writes as environment.</summary>
    public string HostWithPort { get; }

    /// <summary>Gets the OpenID configuration document's URI.</summary>
    public Uri MetadataUri { get; }

    /// <summary>Gets which MSAL's spelling new cache entries use (<see cref="Environment"/>, <see cref="AppRealm"/>).</summary>
    public CacheDialect Dialect { get; }

    /// <summary>
    /// Gets the cloud the host belongs to (just the host until instance discovery ran), with the host and its
    /// non-default port as one more alias, so entries written by either MSAL are found.
    /// </summary>
    public CloudInstance Cloud { get; }

    /// <summary>
    /// Gets the cache environment new entries are written under: the cloud's preferred cache host, which is
    /// <see cref="HostWithPort"/> for a single-host authority on a non-default port with <see cref="CacheDialect.MsalNode"/>.
    /// </summary>
    public string Environment => Cloud.PreferredCache;

    /// <summary>Gets whether requests should carry Entra ID's client_info=1 (every Microsoft kind but ADFS).</summary>
    public bool SendsClientInfo => Mode == ProtocolMode.AzureAD && Kind != AuthorityKind.Adfs;

    /// <summary>Gets the authority_type written on accounts.</summary>
    public string AccountAuthorityType => Kind switch
    {
        AuthorityKind.Adfs => "ADFS",
        AuthorityKind.Generic => "Generic",
        _ => "MSSTS",
    };

    /// <summary>Returns whether a cache entry's environment belongs to this authority's cloud.</summary>
    public bool MatchesEnvironment(string? environment) =>
        environment is not null && Cloud.Contains(environment);

    /// <summary>Returns this authority placed in <paramref name="cloud"/>.</summary>
    public AuthorityInfo WithCloud(CloudInstance cloud) => new(Uri, Mode, Kind, Tenant, MetadataUri, Dialect, cloud);

    /// <summary>Parses and validates an authority URL.</summary>
    /// <exception cref="AuthClientException">The URL is malformed or not https.</exception>
    public static AuthorityInfo Parse(string? authority, ProtocolMode mode, bool allowInsecureLoopback, CacheDialect dialect = CacheDialect.MsalNet)
    {
        var uri = AuthorityUrl.Validate(authority, allowInsecureLoopback);
        try
        {
            return Parse(uri, mode, dialect);
        }
        catch (UriFormatException ex)
        {
            // Found by fuzzing: System.Uri accepts some hosts (bidi controls) it cannot rebuild into the derived URLs.
            throw new AuthClientException(
                AuthErrorCodes.InvalidAuthority,
                "The authority's host or path cannot form the authority's endpoint URLs. Use an absolute https URL with a plain host name, such as https://login.microsoftonline.com/{tenant}.",
                ex);
        }
    }

    private static AuthorityInfo Parse(Uri uri, ProtocolMode mode, CacheDialect dialect)
    {
        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var root = $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? string.Empty : $":{uri.Port}")}";
        if (mode == ProtocolMode.Oidc)
        {
            var issuer = new Uri(root + "/" + string.Join('/', segments));
            return new AuthorityInfo(issuer, mode, AuthorityKind.Generic, string.Empty, new Uri(issuer.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration"), dialect);
        }

        if (segments.Length > 0 && segments[0].Equals("adfs", StringComparison.OrdinalIgnoreCase))
        {
            return new AuthorityInfo(new Uri(root + "/adfs"), mode, AuthorityKind.Adfs, "adfs", new Uri(root + "/adfs/.well-known/openid-configuration"), dialect);
        }

        if (MicrosoftHosts.IsB2C(host) || (segments.Length > 0 && segments[0].Equals("tfp", StringComparison.OrdinalIgnoreCase)))
        {
            var rest = segments.Length > 0 && segments[0].Equals("tfp", StringComparison.OrdinalIgnoreCase) ? segments[1..] : segments;
            if (rest.Length < 2)
            {
                throw new AuthClientException(AuthErrorCodes.InvalidAuthority, "A B2C authority needs a tenant and a policy: https://{tenant}.b2clogin.com/tfp/{tenant}.onmicrosoft.com/{policy}.");
            }

            var b2c = new Uri($"{root}/tfp/{rest[0]}/{rest[1]}");
            return new AuthorityInfo(b2c, mode, AuthorityKind.B2C, rest[0], new Uri($"{root}/{rest[0]}/{rest[1]}/v2.0/.well-known/openid-configuration"), dialect);
        }

        var ciam = MicrosoftHosts.IsCiam(host);
        if (segments.Length == 0 && !ciam)
        {
            throw new AuthClientException(
                AuthErrorCodes.InvalidAuthority,
                "An Entra ID authority needs a tenant segment, such as https://login.microsoftonline.com/{tenant-id or domain}.");
        }

        var tenant = segments.Length > 0 ? segments[0] : host[..host.IndexOf('.', StringComparison.Ordinal)] + ".onmicrosoft.com";
        var entra = new Uri($"{root}/{tenant}");
        return new AuthorityInfo(entra, mode, ciam ? AuthorityKind.Ciam : AuthorityKind.EntraId, tenant, new Uri($"{root}/{tenant}/v2.0/.well-known/openid-configuration"), dialect);
    }
}
