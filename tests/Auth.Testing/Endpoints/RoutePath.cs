namespace Auth.Testing.Endpoints;

/// <summary>
/// Resolves request paths (one trailing slash allowed, suffixes case-insensitive): AD FS <c>/adfs/…</c>, B2C
/// <c>[/tfp]/{tenant}/{policy}/…</c> (a policy starts with <c>B2C_1_</c> or <c>B2C_1A_</c>, any case), and Entra
/// <c>/{tenant}/…</c>, served as CIAM on <c>*.ciamlogin.com</c> hosts; and the device verification page <c>/devicelogin</c>.
/// </summary>
internal static class RoutePath
{
    private const string UserRealmPrefix = "/common/userrealm/";
    private const string DeviceLoginPath = "/devicelogin";
    private const string CiamHostSuffix = ".ciamlogin.com";

    private static readonly Dictionary<string, RouteEndpoint> AdfsPaths = new(StringComparer.OrdinalIgnoreCase)
    {
        [".well-known/openid-configuration"] = RouteEndpoint.OpenIdConfiguration,
        ["discovery/keys"] = RouteEndpoint.Keys,
        ["oauth2/authorize"] = RouteEndpoint.Authorize,
        ["oauth2/token"] = RouteEndpoint.Token,
        ["oauth2/devicecode"] = RouteEndpoint.DeviceCode,
    };

    private static readonly Dictionary<string, RouteEndpoint> B2CPaths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["v2.0/.well-known/openid-configuration"] = RouteEndpoint.OpenIdConfiguration,
        [".well-known/openid-configuration"] = RouteEndpoint.OpenIdConfiguration,
        ["discovery/v2.0/keys"] = RouteEndpoint.Keys,
        ["discovery/keys"] = RouteEndpoint.Keys,
        ["oauth2/v2.0/authorize"] = RouteEndpoint.Authorize,
        ["oauth2/v2.0/token"] = RouteEndpoint.Token,
    };

    private static readonly Dictionary<string, RouteEndpoint> EntraPaths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["v2.0/.well-known/openid-configuration"] = RouteEndpoint.OpenIdConfiguration,
        [".well-known/openid-configuration"] = RouteEndpoint.OpenIdConfiguration,
        ["discovery/v2.0/keys"] = RouteEndpoint.Keys,
        ["discovery/instance"] = RouteEndpoint.InstanceDiscovery,
        ["oauth2/v2.0/authorize"] = RouteEndpoint.Authorize,
        ["oauth2/v2.0/token"] = RouteEndpoint.Token,
        ["oauth2/v2.0/devicecode"] = RouteEndpoint.DeviceCode,
    };

    /// <param name="path">The request path.</param>
    /// <param name="host">The request host without port (decides CIAM).</param>
    public static RequestRoute? Resolve(string? path, string host)
    {
        if (path is null || path.Length < 2 || path[0] != '/')
        {
            return null;
        }

        if (path.StartsWith(UserRealmPrefix, StringComparison.OrdinalIgnoreCase) && path.Length > UserRealmPrefix.Length)
        {
            return new RequestRoute(RouteEndpoint.UserRealm, AuthorityKind.Entra, "common", null);
        }

        if (string.Equals(path.TrimEnd('/'), DeviceLoginPath, StringComparison.OrdinalIgnoreCase))
        {
            return new RequestRoute(RouteEndpoint.DeviceLogin, AuthorityKind.Entra, "common", null);
        }

        var trimmed = path.EndsWith('/') ? path[1..^1] : path[1..];
        var segments = trimmed.Split('/');
        if (segments.Any(segment => segment.Length == 0))
        {
            return null;
        }

        return Adfs(segments) ?? B2C(segments) ?? Entra(segments, host);
    }

    public static bool IsB2CPolicy(string segment) =>
        (segment.StartsWith("b2c_1_", StringComparison.OrdinalIgnoreCase) && segment.Length > 6)
        || (segment.StartsWith("b2c_1a_", StringComparison.OrdinalIgnoreCase) && segment.Length > 7);

    private static RequestRoute? Adfs(string[] segments)
    {
        if (!string.Equals(segments[0], AuthorityProfile.AdfsSegment, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return AdfsPaths.TryGetValue(string.Join('/', segments[1..]), out var endpoint)
            ? new RequestRoute(endpoint, AuthorityKind.Adfs, AuthorityProfile.AdfsSegment, null)
            : null;
    }

    private static RequestRoute? B2C(string[] segments)
    {
        var start = string.Equals(segments[0], "tfp", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (segments.Length < start + 3 || !IsB2CPolicy(segments[start + 1]))
        {
            return null;
        }

        return B2CPaths.TryGetValue(string.Join('/', segments[(start + 2)..]), out var endpoint)
            ? new RequestRoute(endpoint, AuthorityKind.B2C, segments[start], segments[start + 1])
            : null;
    }

    private static RequestRoute? Entra(string[] segments, string host)
    {
        if (segments.Length < 2 || !EntraPaths.TryGetValue(string.Join('/', segments[1..]), out var endpoint))
        {
            return null;
        }

        var kind = host.EndsWith(CiamHostSuffix, StringComparison.OrdinalIgnoreCase) ? AuthorityKind.Ciam : AuthorityKind.Entra;
        return new RequestRoute(endpoint, kind, segments[0], null);
    }
}
