using Auth.Common.Authority;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.IntegrationTests.PublicClient;

/// <summary>A fresh FakeAuthority with a registered public client, and apps that talk to it over HTTPS.</summary>
public abstract class PublicClientFixture
{
    protected const string ClientId = "desktop-app";
    protected static readonly string[] Scopes = ["api://orders/read"];

    protected FakeAuthority Authority { get; private set; } = null!;

    protected virtual FakeAuthorityOptions AuthorityOptions => new();

    [SetUp]
    public void StartAuthority()
    {
        Authority = FakeAuthority.Start(AuthorityOptions);
        Authority.RegisterPublicClient(ClientId);
    }

    [TearDown]
    public void StopAuthority() => Authority.Dispose();

    protected PublicClientApplication App(ProtocolMode mode = ProtocolMode.AzureAD, TimeProvider? time = null, Microsoft.Extensions.Logging.ILoggerFactory? logging = null) =>
        new(new PublicClientOptions
        {
            ClientId = ClientId,
            Authority = mode == ProtocolMode.AzureAD ? Authority.Authority : Authority.Issuer,
            ProtocolMode = mode,
            TimeProvider = time,
            LoggerFactory = logging,
            EnablePiiLogging = logging is not null,
            RetryDelay = TimeSpan.Zero,
            NetworkClient = new HttpClientNetworkClient(Authority.CreateHttpClient(), new HttpClientNetworkClientOptions()),
        });

    /// <summary>Plays the browser: opens the authorization URL at the fake (which signs the user in) and returns its redirect.</summary>
    protected async Task<Uri> AuthorizeAsync(Uri url)
    {
        using var browser = Authority.CreateHttpClient();
        using var response = await browser.GetAsync(url);
        return response.Headers.Location ?? throw new AssertionException($"authorize answered {(int)response.StatusCode} without a redirect");
    }

    protected static HttpClient LoopbackBrowser() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
}
