using Auth.Common.Platform;
using Auth.Common.Responses;
using Auth.Docs.Snippets;
using Auth.Extensions.Persistence;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.Configuration;

namespace Auth.DocsTests;

[TestFixture]
public sealed class PublicClientTests
{
    private const string ClientId = "00000000-0000-0000-0000-00000000000a";
    private FakeAuthority _fake = null!;

    [SetUp]
    public void Start()
    {
        _fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        _fake.RegisterPublicClient(ClientId);
        _fake.DeviceCodePollInterval = TimeSpan.FromSeconds(1);
    }

    [TearDown]
    public void Stop() => _fake.Dispose();

    private HttpClientNetworkClient Network() => new(_fake.CreateHttpClient());

    private PlayedBrowser Browser() => new(_fake);

    [Test]
    public async Task Interactive_SignsInThroughTheBrowserAndLoopbackRedirect()
    {
        var browser = Browser();
        var app = PublicClient.Create(Network(), browser);

        var result = await PublicClient.InteractiveAsync(app);

        result.Account!.Username.Should().Be(_fake.DefaultUser.Username);
        browser.Opened.Should().ContainSingle().Which.Query.Should().Contain("prompt=select_account").And.Contain("redirect_uri=http%3A%2F%2F127.0.0.1%3A");
        _fake.RequestCount("authorization_code").Should().Be(1);
    }

    [Test]
    public async Task OwnBrowser_CallbackOpensTheUrl_AndShowsTheSuccessPage()
    {
        var browser = Browser();
        var app = PublicClient.Create(Network(), new PlayedBrowser(_fake));

        var result = await PublicClient.OwnBrowserAsync(app, browser.OpenAsync);

        result.Source.Should().Be(TokenSource.IdentityProvider);
        browser.Opened.Should().ContainSingle();
        browser.LastPage.Should().Contain("Signed in to Contoso Tool");
    }

    [Test]
    public async Task DeviceCode_PrintsTheMessage_AndSignsInTheApprover()
    {
        _fake.AutoApproveDeviceCodes = true;
        var app = PublicClient.Create(Network(), Browser());

        var result = await PublicClient.DeviceCodeAsync(app);

        result.Account!.Username.Should().Be(_fake.DefaultUser.Username);
        _fake.RequestCount("urn:ietf:params:oauth:grant-type:device_code").Should().BeGreaterThanOrEqualTo(1);
    }

    [Test]
    public async Task Silent_FirstRunSignsIn_SecondRunIsACacheHit_RevokedGoesInteractive()
    {
        var browser = Browser();
        var app = PublicClient.Create(Network(), browser);

        var first = await PublicClient.SilentThenInteractiveAsync(app);
        var second = await PublicClient.SilentThenInteractiveAsync(app);

        first.Source.Should().Be(TokenSource.IdentityProvider);
        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        browser.Opened.Should().ContainSingle();
    }

    [Test]
    public async Task UsernamePassword_SendsThePasswordGrant()
    {
        var app = PublicClient.Create(Network(), Browser());

        var result = await PublicClient.UsernamePasswordAsync(app, _fake.DefaultUser.Username, _fake.DefaultUser.Password);

        result.Account!.Username.Should().Be(_fake.DefaultUser.Username);
        _fake.TokenRequests.Should().ContainSingle().Which.Form["grant_type"].Should().Be("password");
    }

    [Test]
    public async Task PersistedCache_ASecondProcessIsServedFromTheFile()
    {
        var directory = Directory.CreateTempSubdirectory("auth-docs-");
        try
        {
            var file = Path.Combine(directory.FullName, "tokens.cache");
            var keys = new ExplicitKeyStore(new byte[ExplicitKeyStore.KeySize]);
            var first = await PublicClient.PersistedCacheAsync(file, keys, Network());
            var signedIn = await PublicClient.UsernamePasswordAsync(first, _fake.DefaultUser.Username, _fake.DefaultUser.Password);

            var second = await PublicClient.PersistedCacheAsync(file, keys, Network());
            var accounts = await second.GetTokenCache().GetAllAccountsAsync();

            accounts.Should().ContainSingle().Which.HomeAccountId.Should().Be(signedIn.Account!.HomeAccountId);
            File.ReadAllText(file).Should().NotContain(signedIn.AccessToken, "the file is encrypted");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public async Task DependencyInjection_BindsTheAuthSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:ClientId"] = ClientId,
            ["Auth:Authority"] = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
        }).Build();

        var (provider, app) = PublicClient.DependencyInjection(configuration, Network());
        await using (provider)
        {
            var result = await PublicClient.UsernamePasswordAsync(app, _fake.DefaultUser.Username, _fake.DefaultUser.Password);

            result.Account!.Username.Should().Be(_fake.DefaultUser.Username);
        }
    }

    /// <summary>Plays the user's browser: the fake authority signs the default user in, then the browser follows the loopback redirect.</summary>
    private sealed class PlayedBrowser(FakeAuthority fake) : IBrowserLauncher
    {
        public List<Uri> Opened { get; } = [];

        public string? LastPage { get; private set; }

        public async Task OpenAsync(Uri url, CancellationToken cancellationToken)
        {
            Opened.Add(url);
            using var idp = fake.CreateHttpClient();
            using var authorize = await idp.GetAsync(url, cancellationToken);
            var redirect = authorize.Headers.Location ?? throw new AssertionException($"authorize answered {(int)authorize.StatusCode}");
            using var loopback = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
            LastPage = await loopback.GetStringAsync(redirect, cancellationToken);
        }
    }
}
