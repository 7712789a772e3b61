using System.Text.Json.Nodes;
using Auth.Common.Authority;
using Auth.Testing;

namespace Auth.IntegrationTests.Interop.MsalNode;

/// <summary>
/// One authority both libraries use in a test: the fake on its loopback port (<c>localhost:{port}</c>, msal-node's own
/// HTTP client) or on a virtual host without a port (msal-node routed to the fake by the steps script).
/// </summary>
/// <param name="Url">The authority URL both apps are given.</param>
/// <param name="Mode">Entra ID or generic OpenID Connect.</param>
/// <param name="HostAndPort">The host as msal-node names it (<c>localhost:54321</c>, <c>idp.example.com</c>).</param>
/// <param name="ViaVirtualHost">Whether msal-node must be routed to the fake's port (no DNS name for the host).</param>
internal sealed record MsalNodeAuthority(string Url, ProtocolMode Mode, string HostAndPort, bool ViaVirtualHost)
{
    /// <summary>The virtual hosts the fake must serve for <see cref="For"/>.</summary>
    public static IReadOnlyList<string> VirtualHosts => ["idp.example.com", "login.microsoftonline.com"];

    /// <summary>The scenario names the tests take.</summary>
    public static IEnumerable<string> Names => ["entra-port", "oidc-port", "oidc-noport", "entra-noport"];

    /// <summary>Gets whether the authority's URL has a port, where the two MSALs write different environments.</summary>
    public bool HasPort => HostAndPort.Contains(':', StringComparison.Ordinal);

    public static MsalNodeAuthority For(string name, FakeAuthority fake)
    {
        var port = fake.BaseUri.Authority;
        return name switch
        {
            "entra-port" => new(fake.Authority, ProtocolMode.AzureAD, port, false),
            "oidc-port" => new(fake.Issuer, ProtocolMode.Oidc, port, false),
            "oidc-noport" => new($"https://idp.example.com/{fake.TenantId}/v2.0", ProtocolMode.Oidc, "idp.example.com", true),
            "entra-noport" => new(fake.AuthorityFor("login.microsoftonline.com"), ProtocolMode.AzureAD, "login.microsoftonline.com", true),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown scenario"),
        };
    }

    /// <summary>The msal-node <c>ConfidentialClientApplication</c> settings for this authority.</summary>
    public JsonObject NodeApp(string clientId, string secret) => new()
    {
        ["clientId"] = clientId,
        ["clientSecret"] = secret,
        ["authority"] = Url,
        ["protocolMode"] = Mode == ProtocolMode.Oidc ? "OIDC" : "AAD",

        // msal-node knows Microsoft's hosts; any other host must be listed (it would otherwise ask Entra's instance discovery).
        ["knownAuthorities"] = HostAndPort == "login.microsoftonline.com" ? new JsonArray() : new JsonArray(HostAndPort),
    };
}
