using Auth.Common.Errors;

namespace Auth.Common.Authority;

/// <summary>A parsed, validated authority: where metadata lives and how cache entries are keyed.</summary>
internal sealed class AuthorityInfo
{
    private AuthorityInfo(Uri uri, ProtocolMode mode, string tenant)
    {
        Uri = uri;
        Mode = mode;
        Tenant = tenant;
        Environment = uri.Host.ToLowerInvariant();
        HostWithPort = uri.IsDefaultPort ? Environment : $"{Environment}:{uri.Port}";
        var root = uri.AbsoluteUri.TrimEnd('/');
        MetadataUri = new Uri(mode == ProtocolMode.AzureAD
            ? $"{root}/v2.0/.well-known/openid-configuration"
            : $"{root}/.well-known/openid-configuration");
        CanonicalAuthority = root;
    }

    /// <summary>Gets the authority URI (lower-case host, no query).</summary>
    public Uri Uri { get; }

    /// <summary>Gets the authority without a trailing slash; the key of its metadata.</summary>
    public string CanonicalAuthority { get; }

    /// <summary>Gets the protocol mode.</summary>
    public ProtocolMode Mode { get; }

    /// <summary>Gets the tenant: the first path segment in Entra ID, empty for a generic OIDC authority.</summary>
    public string Tenant { get; }

    /// <summary>Gets the cache environment: the authority host, lower case, without port.</summary>
    public string Environment { get; }

    /// <summary>Gets the host with a non-default port, the form msal-node writes as environment.</summary>
    public string HostWithPort { get; }

    /// <summary>Gets the OpenID configuration document's URI.</summary>
    public Uri MetadataUri { get; }

    /// <summary>Returns whether a cache entry's environment belongs to this authority.</summary>
    public bool MatchesEnvironment(string? environment) =>
        string.Equals(environment, Environment, StringComparison.OrdinalIgnoreCase)
        || string.Equals(environment, HostWithPort, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses and validates an authority URL.</summary>
    /// <exception cref="AuthClientException">The URL is malformed or not https.</exception>
    public static AuthorityInfo Parse(string? authority, ProtocolMode mode, bool allowInsecureLoopback)
    {
        if (string.IsNullOrWhiteSpace(authority)
            || !Uri.TryCreate(authority.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new AuthClientException(
                AuthErrorCodes.InvalidAuthority,
                "The authority must be an absolute https URL without query, fragment or user info, such as https://login.microsoftonline.com/{tenant}.");
        }

        if (uri.Scheme == "http" && !(allowInsecureLoopback && uri.IsLoopback))
        {
            throw new AuthClientException(
                AuthErrorCodes.InsecureAuthority,
                $"The authority '{uri.GetLeftPart(UriPartial.Authority)}' is not https. Tokens are only requested over https; for a loopback test authority set AllowInsecureLoopbackAuthority.");
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (mode == ProtocolMode.AzureAD && segments.Length == 0)
        {
            throw new AuthClientException(
                AuthErrorCodes.InvalidAuthority,
                "An Entra ID authority needs a tenant segment, such as https://login.microsoftonline.com/{tenant-id or domain}.");
        }

        var tenant = mode == ProtocolMode.AzureAD ? segments[0] : string.Empty;
        var path = mode == ProtocolMode.AzureAD ? "/" + segments[0] : "/" + string.Join('/', segments);
        var builder = new UriBuilder(uri.Scheme, uri.Host.ToLowerInvariant(), uri.Port, path);
        return new AuthorityInfo(builder.Uri, mode, tenant);
    }
}
