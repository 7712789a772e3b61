namespace Auth.Common.Authority;

/// <summary>
/// Which MSAL's spelling new cache entries use where MSAL.NET and msal-node disagree, so that the other library
/// finds them. One entry cannot satisfy both. The dialects differ only for an authority on a non-default port and
/// for app tokens of a generic OpenID Connect authority; Entra ID entries on port 443 are the same in both.
/// Entries are found in either spelling of the environment whatever the dialect (see docs/cache-interop.md).
/// </summary>
public enum CacheDialect
{
    /// <summary>
    /// MSAL.NET's (the default): <c>environment</c> is the host without its port (<c>idp.example.com</c>), and app
    /// tokens of a generic OpenID Connect authority have an empty <c>realm</c>.
    /// </summary>
    MsalNet,

    /// <summary>
    /// msal-node's: <c>environment</c> is the host with a non-default port (<c>idp.example.com:8443</c>), and app
    /// tokens of a generic OpenID Connect authority have the authority's first path segment as <c>realm</c>.
    /// </summary>
    MsalNode,
}
