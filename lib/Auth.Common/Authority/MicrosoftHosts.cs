namespace Auth.Common.Authority;

/// <summary>
/// Hosts Microsoft runs for every tenant: the public Entra clouds' hosts (<see cref="KnownClouds"/>) and the
/// tenant subdomains of Azure AD B2C (<c>{tenant}.b2clogin.com</c>) and Entra External ID (<c>{tenant}.ciamlogin.com</c>).
/// A request to one of them goes to Microsoft whatever tenant the path names, so they are trusted without configuration.
/// </summary>
internal static class MicrosoftHosts
{
    /// <summary>The domain of B2C tenant hosts.</summary>
    public const string B2CSuffix = ".b2clogin.com";

    /// <summary>The domain of CIAM tenant hosts.</summary>
    public const string CiamSuffix = ".ciamlogin.com";

    /// <summary>Returns whether <paramref name="host"/> (lower case, no port) is a B2C tenant host.</summary>
    public static bool IsB2C(string host) => IsSubdomain(host, B2CSuffix);

    /// <summary>Returns whether <paramref name="host"/> (lower case, no port) is a CIAM tenant host.</summary>
    public static bool IsCiam(string host) => IsSubdomain(host, CiamSuffix);

    /// <summary>Returns whether <paramref name="host"/> (lower case, no port) is one of Microsoft's own authority hosts.</summary>
    public static bool Contains(string host) => KnownClouds.Find(host) is not null || IsB2C(host) || IsCiam(host);

    private static bool IsSubdomain(string host, string suffix) =>
        host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.Ordinal);
}
