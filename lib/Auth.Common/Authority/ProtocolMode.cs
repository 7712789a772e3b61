namespace Auth.Common.Authority;

/// <summary>How the library talks to the authority.</summary>
public enum ProtocolMode
{
    /// <summary>Microsoft Entra ID: <c>https://login.microsoftonline.com/{tenant}</c> style authorities, tenant in the first path segment.</summary>
    AzureAD,

    /// <summary>
    /// Any standards-compliant OpenID Provider: the authority is the issuer, endpoints come from its discovery document.
    /// The configured authority's host is trusted (the app chose it); a request's <c>Authority</c> override must be on the
    /// same scheme, host and port, or on a host in KnownAuthorities. Microsoft hosts get no special treatment in this mode.
    /// </summary>
    Oidc,
}
