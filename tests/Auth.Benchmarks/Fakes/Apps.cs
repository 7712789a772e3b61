using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Server;
using Auth.Server.Network;
using Microsoft.Identity.Client;

namespace Auth.Benchmarks.Fakes;

/// <summary>Builds ours and MSAL.NET the same way: one app tenant, a secret, the fake handler.</summary>
public static class Apps
{
    public const string ClientId = "11111111-2222-3333-4444-555555555555";
    public const string Host = "login.microsoftonline.com";

    public static string Tenant(int index) => $"{index:x8}-aaaa-bbbb-cccc-000000000000";

    public static string Authority(string tenant) => $"https://{Host}/{tenant}";

    /// <summary>A generic OpenID Provider's issuer (Keycloak-shaped), served by <see cref="FakeAuthorityHandler"/>.</summary>
    public const string OidcIssuer = "https://idp.contoso.com/realms/bench";

    /// <summary>The host of <see cref="OidcIssuer"/>: the environment both libraries write its tokens under.</summary>
    public const string OidcHost = "idp.contoso.com";

    public static Auth.Server.ConfidentialClientApplication Ours(FakeAuthorityHandler handler, string tenant, ITokenCachePlugin? plugin = null, TimeProvider? time = null) =>
        new(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = Authority(tenant),
            ClientSecret = "s",
            EnableInstanceDiscovery = false,
            CachePlugin = plugin,
            TimeProvider = time,
            NetworkClient = new HttpClientNetworkClient(new HttpClient(handler, disposeHandler: false)),
        });

    /// <summary>Ours for a generic OpenID Provider: <see cref="ProtocolMode.Oidc"/> with the issuer as authority.</summary>
    public static Auth.Server.ConfidentialClientApplication OursOidc(FakeAuthorityHandler handler) =>
        new(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = OidcIssuer,
            ProtocolMode = ProtocolMode.Oidc,
            ClientSecret = "s",
            NetworkClient = new HttpClientNetworkClient(new HttpClient(handler, disposeHandler: false)),
        });

    public static IConfidentialClientApplication Msal(FakeAuthorityHandler handler, string tenant) =>
        ConfidentialClientApplicationBuilder.Create(ClientId)
            .WithAuthority(Authority(tenant))
            .WithClientSecret("s")
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClientFactory(new HttpClient(handler, disposeHandler: false)))
            .Build();

    /// <summary>MSAL.NET for a generic OpenID Provider: WithOidcAuthority (4.92; WithGenericAuthority is its obsolete name).</summary>
    public static IConfidentialClientApplication MsalOidc(FakeAuthorityHandler handler) =>
        ConfidentialClientApplicationBuilder.Create(ClientId)
            .WithOidcAuthority(OidcIssuer)
            .WithClientSecret("s")
            .WithHttpClientFactory(new MsalHttpClientFactory(new HttpClient(handler, disposeHandler: false)))
            .Build();

    /// <summary>Loads <paramref name="json"/> into an MSAL cache once, through the only door MSAL offers (a BeforeAccess callback), then removes the callback so the cache is plain in-memory like ours.</summary>
    public static async Task LoadMsalAsync(ITokenCache cache, byte[] json, Func<Task> triggerAccess)
    {
        var loaded = false;
        cache.SetBeforeAccess(args =>
        {
            if (!loaded)
            {
                args.TokenCache.DeserializeMsalV3(json, shouldClearExistingCache: true);
                loaded = true;
            }
        });
        await triggerAccess();
        if (!loaded)
        {
            throw new InvalidOperationException("MSAL never called BeforeAccess.");
        }

        cache.SetBeforeAccess(null);
    }

    private sealed class MsalHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
