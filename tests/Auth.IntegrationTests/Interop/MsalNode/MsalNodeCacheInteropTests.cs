using System.Text.Json.Nodes;
using Auth.Common.Authority;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.IntegrationTests.Interop.MsalNode;

/// <summary>
/// The token cache is exchanged with the real msal-node 7 in both directions, both apps talking to the same
/// <see cref="FakeAuthority"/> over HTTPS, for app tokens (client credentials) and a user's ID, access and refresh
/// tokens (password grant), on Entra-style and generic OpenID Connect authorities with and without a port. The cache
/// travels through msal-node's cache plugin (a file); a read must be served from the cache with no token request. The
/// exception: msal-node keys an OIDC user by the bare <c>sub</c>, which names no issuer, so Auth serves none of those
/// user tokens (docs/cache-interop.md); msal-node reads the issuer-scoped users Auth writes.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class MsalNodeCacheInteropTests : IDisposable
{
    private const string ClientId = "node-interop";
    private const string Secret = "node-interop-secret";
    private static readonly string[] AppScopes = ["api://orders/.default"];
    private static readonly string[] UserScopes = ["api://orders/read"];

    private readonly FakeAuthority _authority = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = MsalNodeAuthority.VirtualHosts });
    private readonly string _folder = Directory.CreateTempSubdirectory("auth-msal-node-").FullName;
    private MsalNodeRunner _node = null!;
    private string _certificatePem = null!;

    public MsalNodeCacheInteropTests() => _authority.RegisterClient(ClientId, Secret);

    private static IEnumerable<string> Scenarios => MsalNodeAuthority.Names;

    private static IEnumerable<string> EntraScenarios => MsalNodeAuthority.Names.Where(n => n.StartsWith("entra", StringComparison.Ordinal));

    private static IEnumerable<string> OidcScenarios => MsalNodeAuthority.Names.Where(n => n.StartsWith("oidc", StringComparison.Ordinal));

    private string CacheFile => Path.Combine(_folder, "msal-node-cache.json");

    [SetUp]
    public async Task InstallMsalNodeAsync()
    {
        _node = await MsalNodeRunner.InstallAsync();
        _certificatePem = Path.Combine(_folder, "fake-authority.pem");
        await File.WriteAllTextAsync(_certificatePem, _authority.ServerCertificate!.ExportCertificatePem());
    }

    public void Dispose()
    {
        _authority.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [TestCaseSource(nameof(EntraScenarios))]
    public async Task CacheWrittenByMsalNode_IsReadByOurs_AsCacheHits(string scenario)
    {
        var authority = MsalNodeAuthority.For(scenario, _authority);
        var written = await RunNodeAsync(authority, AppStep(), UserStep());
        var counts = Counts();
        // The default dialect reads msal-node's host:port environment too.
        var ours = Ours(authority, CacheDialect.MsalNet);

        ours.GetTokenCache().Deserialize(await File.ReadAllTextAsync(CacheFile));
        var app = await ours.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = AppScopes });
        var account = (await ours.GetTokenCache().GetAllAccountsAsync()).Should().ContainSingle().Subject;
        var user = await ours.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = UserScopes, Account = account });

        var cache = await File.ReadAllTextAsync(CacheFile);
        app.Source.Should().Be(TokenSource.Cache, $"msal-node {_node.Version} wrote: {cache}");
        app.AccessToken.Should().Be(written[0]["accessToken"]!.GetValue<string>());
        user.Source.Should().Be(TokenSource.Cache, $"msal-node {_node.Version} wrote: {cache}");
        user.AccessToken.Should().Be(written[1]["accessToken"]!.GetValue<string>());
        user.Account!.Username.Should().Be(_authority.DefaultUser.Username);
        Counts().Should().Be(counts, "a cache hit sends no token request");
        EnvironmentsIn(cache).Should().OnlyContain(e => e == authority.HostAndPort.Replace("login.microsoftonline.com", "login.windows.net", StringComparison.Ordinal));
    }

    [TestCaseSource(nameof(OidcScenarios))]
    public async Task CacheWrittenByMsalNode_ForAnOidcAuthority_IsReadByOursForAppTokensOnly(string scenario)
    {
        var authority = MsalNodeAuthority.For(scenario, _authority);
        var written = await RunNodeAsync(authority, AppStep(), UserStep());
        var counts = Counts();

        // msal-node's app tokens carry the authority's first path segment as realm, which only the msal-node dialect looks for.
        var ours = Ours(authority, CacheDialect.MsalNode);
        ours.GetTokenCache().Deserialize(await File.ReadAllTextAsync(CacheFile));
        var app = await ours.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = AppScopes });
        var account = (await ours.GetTokenCache().GetAllAccountsAsync()).Should().ContainSingle().Subject;
        var user = () => ours.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = UserScopes, Account = account });

        app.Source.Should().Be(TokenSource.Cache, $"msal-node {_node.Version} wrote: {await File.ReadAllTextAsync(CacheFile)}");
        app.AccessToken.Should().Be(written[0]["accessToken"]!.GetValue<string>());
        account.HomeAccountId.Should().Be(written[1]["account"]!["homeAccountId"]!.GetValue<string>(), "msal-node keys an OIDC user by the bare sub, which names no issuer");
        (await user.Should().ThrowAsync<Auth.Common.Errors.InteractionRequiredException>()).Which.Code.Should().Be(Auth.Common.Errors.AuthErrorCodes.NoTokensFound);
        Counts().Should().Be(counts, "the user's refresh token is sent nowhere either");
    }

    [TestCaseSource(nameof(Scenarios))]
    public async Task CacheWrittenByOurs_IsReadByMsalNode_AsCacheHits(string scenario)
    {
        var authority = MsalNodeAuthority.For(scenario, _authority);
        var ours = Ours(authority, CacheDialect.MsalNode);
        var app = await ours.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = AppScopes });
        var user = await SignInAsync(ours);
        await File.WriteAllTextAsync(CacheFile, ours.GetTokenCache().Serialize());
        var counts = Counts();

        var read = await RunNodeAsync(authority, AppStep(), SilentStep());

        var cache = ours.GetTokenCache().Serialize();
        read[0]["ok"]!.GetValue<bool>().Should().BeTrue($"msal-node {_node.Version} said {read[0]} for: {cache}");
        read[0]["fromCache"]!.GetValue<bool>().Should().BeTrue();
        read[0]["accessToken"]!.GetValue<string>().Should().Be(app.AccessToken);
        read[1]["ok"]!.GetValue<bool>().Should().BeTrue($"msal-node {_node.Version} said {read[1]} for: {cache}");
        read[1]["fromCache"]!.GetValue<bool>().Should().BeTrue();
        read[1]["accessToken"]!.GetValue<string>().Should().Be(user.AccessToken);
        read[1]["account"]!["homeAccountId"]!.GetValue<string>().Should().Be(user.Account!.HomeAccountId);
        Counts().Should().Be(counts, "a cache hit sends no token request");
    }

    [TestCaseSource(nameof(OidcScenarios))]
    public async Task OidcUserWrittenByOurs_IsRefreshedByMsalNode_WhichStoresTheAnswerUnderItsOwnId(string scenario)
    {
        var authority = MsalNodeAuthority.For(scenario, _authority);
        var ours = Ours(authority, CacheDialect.MsalNode);
        var user = await SignInAsync(ours);
        await File.WriteAllTextAsync(CacheFile, ours.GetTokenCache().Serialize());

        var read = await RunNodeAsync(authority, new JsonObject { ["op"] = "silent", ["scopes"] = new JsonArray([.. UserScopes.Select(s => JsonValue.Create(s))]), ["forceRefresh"] = true });

        var cache = await File.ReadAllTextAsync(CacheFile);
        read[0]["ok"]!.GetValue<bool>().Should().BeTrue($"msal-node {_node.Version} said {read[0]} for: {cache}");
        read[0]["fromCache"]!.GetValue<bool>().Should().BeFalse();
        _authority.TokenRequests[^1].GrantType.Should().Be("refresh_token");
        // msal-node derives the id of the refreshed tokens from the answer (client_info, which this Entra-shaped fake
        // returns, else the bare sub), so they land beside the issuer-scoped account, not in it.
        read[0]["account"]!["homeAccountId"]!.GetValue<string>().Should().NotBe(user.Account!.HomeAccountId);
    }

    [Test]
    public async Task CacheWrittenByOursInMsalNetDialect_OnAPort_IsMissedByMsalNode()
    {
        var authority = MsalNodeAuthority.For("entra-port", _authority);
        var ours = Ours(authority, CacheDialect.MsalNet);
        await ours.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = AppScopes });
        await SignInAsync(ours);
        await File.WriteAllTextAsync(CacheFile, ours.GetTokenCache().Serialize());

        var read = await RunNodeAsync(authority, AppStep(), SilentStep());

        EnvironmentsIn(ours.GetTokenCache().Serialize()).Should().OnlyContain(e => e == "localhost");
        read[0]["fromCache"]!.GetValue<bool>().Should().BeFalse("msal-node looks for localhost:port; this is why CacheDialect.MsalNode exists");
        read[1]["ok"]!.GetValue<bool>().Should().BeFalse();
        read[1]["errorCode"]!.GetValue<string>().Should().Be("no_tokens_found");
    }

    private static JsonObject AppStep() => new() { ["op"] = "clientCredentials", ["scopes"] = new JsonArray([.. AppScopes.Select(s => JsonValue.Create(s))]) };

    private static JsonObject SilentStep() => new() { ["op"] = "silent", ["scopes"] = new JsonArray([.. UserScopes.Select(s => JsonValue.Create(s))]) };

    private static IEnumerable<string> EnvironmentsIn(string cache) =>
        JsonNode.Parse(cache)!.AsObject()
            .Where(section => section.Value is JsonObject)
            .SelectMany(section => section.Value!.AsObject().Select(entry => entry.Value?["environment"]?.GetValue<string>()))
            .OfType<string>()
            .Distinct();

    private JsonObject UserStep() => new()
    {
        ["op"] = "usernamePassword",
        ["scopes"] = new JsonArray([.. UserScopes.Select(s => JsonValue.Create(s))]),
        ["username"] = _authority.DefaultUser.Username,
        ["password"] = _authority.DefaultUser.Password,
    };

    private (int App, int Password, int Refresh) Counts() =>
        (_authority.RequestCount("client_credentials"), _authority.RequestCount("password"), _authority.RequestCount("refresh_token"));

    private async Task<IReadOnlyList<JsonObject>> RunNodeAsync(MsalNodeAuthority authority, params JsonObject[] steps)
    {
        var job = new JsonObject
        {
            ["app"] = authority.NodeApp(ClientId, Secret),
            ["cacheFile"] = CacheFile,
            ["steps"] = new JsonArray(steps),
        };
        if (authority.ViaVirtualHost)
        {
            job["connectPort"] = _authority.BaseUri.Port;
        }

        return await _node.RunAsync(job, _certificatePem);
    }

    private ConfidentialClientApplication Ours(MsalNodeAuthority authority, CacheDialect format) => new(new ConfidentialClientOptions
    {
        ClientId = ClientId,
        Authority = authority.Url,
        ProtocolMode = authority.Mode,
        ClientSecret = Secret,
        CacheDialect = format,
        KnownAuthorities = authority.ViaVirtualHost && authority.Mode == ProtocolMode.Oidc ? [authority.HostAndPort] : [],
        NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient()),
    });

    private Task<AuthenticationResult> SignInAsync(ConfidentialClientApplication app) => app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
    {
        Scopes = UserScopes,
        Username = _authority.DefaultUser.Username,
        Password = _authority.DefaultUser.Password,
    });
}
