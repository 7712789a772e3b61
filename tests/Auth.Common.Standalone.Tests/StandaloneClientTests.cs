using Auth.Common.Clients;
using Auth.Common.Credentials;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Testing;

namespace Auth.Common.Standalone.Tests;

/// <summary>
/// A working client built from Auth.Common alone: its public <see cref="TokenClient"/>, a client secret
/// authenticator from Common, and this host's own network and crypto. Real HTTPS to the fake authority.
/// </summary>
[TestFixture]
public sealed class StandaloneClientTests
{
    private const string ClientId = "standalone-client";
    private const string Secret = "standalone-secret";
    private FakeAuthority _authority = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void SetUp()
    {
        _authority = FakeAuthority.Start();
        _authority.RegisterClient(ClientId, Secret);
        _http = _authority.CreateHttpClient();
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        _authority.Dispose();
    }

    [Test]
    public void TestHost_LoadsNoAuthServer()
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name);
        var shipped = Directory.GetFiles(AppContext.BaseDirectory, "Auth.*.dll").Select(Path.GetFileNameWithoutExtension);

        loaded.Should().NotContain("Auth.Server");
        shipped.Should().Contain("Auth.Common").And.NotContain("Auth.Server");
    }

    [Test]
    public async Task ClientCredentials_FromCommonAlone_GetsATokenThenServesItFromTheCache()
    {
        var network = new HostNetworkClient(_http);
        var client = new TokenClient(Options(network));

        var first = await client.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://orders/.default"] });
        var second = await client.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = ["api://orders/.default"] });

        first.Source.Should().Be(TokenSource.IdentityProvider);
        first.AccessToken.Should().NotBeNullOrEmpty();
        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        _authority.RequestCount("client_credentials").Should().Be(1);
    }

    [Test]
    public async Task AuthorizationCode_FromCommonAlone_SignsTheUserInAndServesSilently()
    {
        var network = new HostNetworkClient(_http);
        var crypto = new HostCrypto();
        var client = new TokenClient(Options(network));
        var redirect = new Uri("http://127.0.0.1:5071/callback");
        var verifier = crypto.CreateRandomValue();
        var url = await client.GetAuthCodeUrlAsync(new AuthorizationUrlRequest
        {
            Scopes = ["api://orders/read"],
            RedirectUri = redirect,
            CodeChallenge = crypto.Sha256Base64Url(verifier),
            State = "state-1",
            Nonce = "nonce-1",
        });

        using var redirected = await _http.GetAsync(url);
        var query = redirected.Headers.Location!.Query.TrimStart('?').Split('&')
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        var signedIn = await client.AcquireTokenByCodeAsync(new AuthorizationCodeRequest
        {
            Scopes = ["api://orders/read"],
            RedirectUri = redirect,
            Code = query["code"],
            CodeVerifier = verifier,
            State = "state-1",
            ReturnedState = query["state"],
            Nonce = "nonce-1",
        });
        var silent = await client.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = ["api://orders/read"], Account = signedIn.Account! });

        signedIn.Source.Should().Be(TokenSource.IdentityProvider);
        signedIn.Account!.Username.Should().Be(_authority.DefaultUser.Username);
        silent.Source.Should().Be(TokenSource.Cache);
        silent.AccessToken.Should().Be(signedIn.AccessToken);
        (await client.GetTokenCache().GetAccountByHomeIdAsync(signedIn.Account.HomeAccountId)).Should().NotBeNull();
    }

    [Test]
    public void MissingSeams_AreRefusedWithEveryProblemNamed()
    {
        var act = () => new TokenClient(new TokenClientOptions { ClientId = ClientId, Authority = _authority.Authority });

        act.Should().Throw<Errors.AuthClientException>()
            .Which.Message.Should().Contain("NetworkClient is required").And.Contain("CryptoProvider is required");
    }

    private TokenClientOptions Options(HostNetworkClient network) => new()
    {
        ClientId = ClientId,
        Authority = _authority.Authority,
        NetworkClient = network,
        CryptoProvider = new HostCrypto(),
        ClientAuthenticator = new ClientSecretAuthenticator(Secret),
    };
}
