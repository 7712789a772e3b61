namespace Auth.Common.Authority;

/// <summary>
/// Compares an issuer with an authority as URLs, not as strings: scheme and host ignore case, the port is the
/// effective one (<c>https://idp:443</c> is <c>https://idp</c>), and the path is compared exactly but for a
/// trailing slash (as <see cref="AuthorityInfo.CanonicalAuthority"/> has none). A different scheme, host, port or
/// path, and any query, fragment or user info in the issuer, make them different.
/// </summary>
internal static class IssuerComparer
{
    /// <summary>Returns whether <paramref name="issuer"/> names the same URL as <paramref name="authority"/>.</summary>
    public static bool SameIssuer(string? issuer, Uri authority)
    {
        if (string.IsNullOrEmpty(issuer) || !AuthorityUrl.TryCreate(issuer, out var uri)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return false;
        }

        return string.Equals(uri.Scheme, authority.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, authority.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == authority.Port
            && string.Equals(uri.AbsolutePath.TrimEnd('/'), authority.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);
    }
}
