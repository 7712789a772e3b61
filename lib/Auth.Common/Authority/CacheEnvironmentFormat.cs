namespace Auth.Common.Authority;

/// <summary>
/// How the cache's <c>environment</c> field (and the keys built from it) names an authority whose URL has a
/// non-default port, such as <c>https://idp.example.com:8443</c>. The two MSALs disagree there, and one entry cannot
/// satisfy both; for every other authority (Entra ID, any provider on port 443) both formats write the same host.
/// Entries in either format are always read.
/// </summary>
public enum CacheEnvironmentFormat
{
    /// <summary>The host without the port (<c>idp.example.com</c>), as MSAL.NET writes and finds it. The default.</summary>
    Host,

    /// <summary>The host and the non-default port (<c>idp.example.com:8443</c>), as msal-node writes and finds it.</summary>
    HostAndPort,
}
