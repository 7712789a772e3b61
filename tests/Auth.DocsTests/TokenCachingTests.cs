using System.Security.Cryptography;
using System.Text;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Docs.Snippets;
using Auth.Extensions.Distributed;
using Auth.Extensions.Persistence;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.DocsTests;

[TestFixture]
public sealed class TokenCachingTests
{
    private const string DaemonId = "00000000-0000-0000-0000-000000000003";
    private const string DesktopId = "00000000-0000-0000-0000-000000000004";
    private static readonly string[] Graph = ["https://graph.microsoft.com/.default"];

    [Test]
    public async Task CustomPlugin_SecondApplicationInstance_IsServedFromThePlugin()
    {
        await using var fake = Fake();
        fake.RegisterClient(DaemonId, "s3cret");
        var plugin = new DictionaryTokenCachePlugin();
        var network = new HttpClientNetworkClient(fake.CreateHttpClient());

        var first = await TokenCaching.CreateApp(plugin, "s3cret", network).AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Graph });
        var second = await TokenCaching.CreateApp(plugin, "s3cret", network).AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Graph });

        first.Source.Should().Be(TokenSource.IdentityProvider);
        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        fake.RequestCount("client_credentials").Should().Be(1);
        plugin.StorageKeys.Should().Contain($"{DaemonId}:{DaemonId}_contoso.onmicrosoft.com_AppTokenCache");
    }

    [Test]
    public async Task Distributed_TokensAreStoredEncrypted_AndServeAnotherInstance()
    {
        await using var fake = Fake();
        fake.RegisterClient(DaemonId, "s3cret");
        var network = new HttpClientNetworkClient(fake.CreateHttpClient());
        var key = RandomNumberGenerator.GetBytes(32);
        await using var services = TokenCaching.AddDistributedCache(new ServiceCollection(), key, "s3cret", network).BuildServiceProvider();

        var first = await services.GetRequiredService<ConfidentialClientApplication>().AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Graph });

        var store = services.GetRequiredService<IDistributedCache>();
        var blob = await store.GetAsync($"auth-tokens:{DaemonId}:{DaemonId}_contoso.onmicrosoft.com_AppTokenCache");
        blob.Should().NotBeNull();
        Encoding.UTF8.GetString(blob!).Should().NotContain("AccessToken").And.NotContain(first.AccessToken);
        var otherInstance = TokenCaching.CreateApp(new DistributedTokenCachePlugin(store, new DistributedTokenCacheOptions { EncryptionKey = key }), "s3cret", network);
        var second = await otherInstance.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = Graph });
        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        fake.RequestCount("client_credentials").Should().Be(1);
    }

    [Test]
    public async Task FileCache_NextRun_FindsTheAccountAndItsTokens()
    {
        await using var fake = Fake();
        fake.RegisterPublicClient(DesktopId);
        var network = new HttpClientNetworkClient(fake.CreateHttpClient());
        var directory = Path.Combine(Path.GetTempPath(), "auth-docs-" + Guid.NewGuid().ToString("N"));
        var keyStore = new ExplicitKeyStore(RandomNumberGenerator.GetBytes(ExplicitKeyStore.KeySize)); // headless: no keyring in CI
        try
        {
            var firstRun = await TokenCaching.CreateDesktopAppAsync(directory, keyStore, network);
            var signIn = await firstRun.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest
            {
                Scopes = ["User.Read"],
                Username = fake.DefaultUser.Username,
                Password = fake.DefaultUser.Password,
            });

            var nextRun = await TokenCaching.CreateDesktopAppAsync(directory, keyStore, network);
            var accounts = await nextRun.GetTokenCache().GetAllAccountsAsync();
            var silent = await nextRun.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = ["User.Read"], Account = accounts.Single() });

            silent.Source.Should().Be(TokenSource.Cache);
            silent.AccessToken.Should().Be(signIn.AccessToken);
            var file = await File.ReadAllBytesAsync(Path.Combine(directory, "tokens.cache"));
            Encoding.UTF8.GetString(file).Should().NotContain(signIn.AccessToken, "the file is encrypted");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static FakeAuthority Fake() => FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
}
