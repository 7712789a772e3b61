namespace Auth.Testing.Clouds;

/// <summary>
/// Entra ID's clouds as its instance discovery answers them (public, US Government, China), and the regional
/// hosts of those clouds (<c>{region}.login.microsoft.com</c>, <c>{region}.{cloud host}</c>, <c>{region}.r.{cloud host}</c>).
/// </summary>
internal static class EntraClouds
{
    public static readonly CloudGroup Public = new(
        "login.microsoftonline.com",
        "login.windows.net",
        ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"],
        "microsoftonline.com");

    public static readonly CloudGroup UsGovernment = new(
        "login.microsoftonline.us",
        "login.microsoftonline.us",
        ["login.microsoftonline.us", "login.usgovcloudapi.net"],
        "microsoftonline.us");

    public static readonly CloudGroup China = new(
        "login.chinacloudapi.cn",
        "login.chinacloudapi.cn",
        ["login.chinacloudapi.cn", "login.partner.microsoftonline.cn"],
        "partner.microsoftonline.cn");

    public static IReadOnlyList<CloudGroup> Known { get; } = [Public, UsGovernment, China];

    /// <summary>The known cloud with this host among its aliases (host without port), or <see langword="null"/>.</summary>
    public static CloudGroup? Find(string host) => Known.FirstOrDefault(group => group.Contains(host));

    /// <summary>Whether the host (without port) is a regional host of a known cloud, e.g. <c>westus.login.microsoft.com</c>.</summary>
    public static bool IsRegional(string host) => RegionalParent(host) is not null;

    /// <summary>The cloud of a host or of the regional host it is, or <see langword="null"/>.</summary>
    public static CloudGroup? CloudOf(string host) => Find(host) ?? RegionalParent(host);

    private static CloudGroup? RegionalParent(string host)
    {
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        var rest = host[(dot + 1)..];
        return Find(rest) ?? (rest.StartsWith("r.", StringComparison.OrdinalIgnoreCase) ? Find(rest[2..]) : null);
    }
}
