using Auth.Common.Authority;

namespace Auth.Common.Pipeline;

/// <summary>
/// Entra ID's regional token endpoints (ESTS-R) for client credentials: <c>{region}.login.microsoft.com</c>
/// in the public cloud, <c>{region}.{host}</c> elsewhere. Only for Entra ID authorities on real hosts.
/// </summary>
internal static class RegionalEndpoint
{
    /// <summary>The value of AzureRegion that asks for the region of the environment (REGION_NAME).</summary>
    public const string TryAutoDetect = "TryAutoDetect";

    /// <summary>Returns the region to use: the request's, or the environment's for <see cref="TryAutoDetect"/>; null for none.</summary>
    public static string? Choose(string? requested, string? detected) =>
        string.IsNullOrWhiteSpace(requested) ? null
        : string.Equals(requested, TryAutoDetect, StringComparison.OrdinalIgnoreCase) ? (string.IsNullOrWhiteSpace(detected) ? null : detected.Trim())
        : requested.Trim();

    /// <summary>Returns the regional form of <paramref name="tokenEndpoint"/>, or null when the authority has none.</summary>
    public static Uri? For(Uri tokenEndpoint, string? region, AuthorityInfo authority)
    {
        if (region is null || authority.Kind != AuthorityKind.EntraId || authority.Uri.IsLoopback
            || !region.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return null;
        }

        var host = authority.Cloud.Contains("login.microsoftonline.com") ? "login.microsoft.com" : tokenEndpoint.Host;
        return new UriBuilder(tokenEndpoint) { Host = $"{region.ToLowerInvariant()}.{host}" }.Uri;
    }
}
