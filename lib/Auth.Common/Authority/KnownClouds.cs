namespace Auth.Common.Authority;

/// <summary>The public Entra ID clouds, known without a network call (as Entra's instance discovery describes them).</summary>
internal static class KnownClouds
{
    public static readonly IReadOnlyList<CloudInstance> All =
    [
        new("login.microsoftonline.com", "login.windows.net", ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"]),
        new("login.partner.microsoftonline.cn", "login.partner.microsoftonline.cn", ["login.partner.microsoftonline.cn", "login.chinacloudapi.cn"]),
        new("login.microsoftonline.us", "login.microsoftonline.us", ["login.microsoftonline.us", "login.usgovcloudapi.net"]),
    ];

    public static CloudInstance? Find(string host) => All.FirstOrDefault(c => c.Contains(host));
}
