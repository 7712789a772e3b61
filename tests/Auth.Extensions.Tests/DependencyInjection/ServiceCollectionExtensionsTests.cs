using Auth.Common.Cache;
using Auth.Common.Responses;
using Auth.Extensions.DependencyInjection;
using Auth.Extensions.Distributed;
using Auth.Extensions.Tests.TestDoubles;
using Auth.Server;
using Auth.Server.DependencyInjection;
using Auth.Server.Network;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Extensions.Tests.DependencyInjection;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ServiceCollectionExtensionsTests : IDisposable
{
    private readonly TokenApps _apps = new();

    public void Dispose() => _apps.Dispose();

    [Test]
    public async Task AddDistributedTokenCache_WithDistributedCache_ResolvesASingletonPluginOverIt()
    {
        var services = new ServiceCollection().AddDistributedMemoryCache();

        services.AddDistributedTokenCache(o => o.KeyPrefix = "di:");

        await using var provider = services.BuildServiceProvider();
        var plugin = provider.GetRequiredService<ITokenCachePlugin>();
        plugin.Should().BeOfType<DistributedTokenCachePlugin>().And.BeSameAs(provider.GetRequiredService<ITokenCachePlugin>());
        await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var stored = await provider.GetRequiredService<IDistributedCache>().GetAsync($"di:{TokenApps.ClientId}:{_apps.AppPartition()}");
        stored.Should().NotBeNull();
    }

    [Test]
    public async Task AddDistributedTokenCache_WithAddConfidentialClient_AppsOfTwoContainersShareTokens()
    {
        var store = new RecordingDistributedCache();
        await using var first = Container(store);
        await using var second = Container(store);
        await first.GetRequiredService<ConfidentialClientApplication>().AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var result = await second.GetRequiredService<ConfidentialClientApplication>().AcquireTokenByClientCredentialAsync(TokenApps.Request);

        result.Source.Should().Be(TokenSource.Cache);
        _apps.TokenRequests.Should().Be(1);
    }

    [Test]
    public async Task AddDistributedTokenCache_InvalidOptions_ResolvingFailsWithTheProblem()
    {
        var services = new ServiceCollection().AddDistributedMemoryCache();

        services.AddDistributedTokenCache(o => o.EncryptionKey = new byte[10]);

        await using var provider = services.BuildServiceProvider();
        FluentActions.Invoking(() => provider.GetRequiredService<ITokenCachePlugin>())
            .Should().Throw<OptionsValidationException>().WithMessage("*EncryptionKey must be 32 bytes*");
    }

    [Test]
    public async Task AddDistributedTokenCache_PluginAndClockRegisteredBefore_KeepsThem()
    {
        var own = new DistributedTokenCachePlugin(new RecordingDistributedCache());
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().AddDistributedMemoryCache().AddSingleton<ITokenCachePlugin>(own).AddSingleton<TimeProvider>(clock);

        services.AddDistributedTokenCache();

        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<ITokenCachePlugin>().Should().BeSameAs(own);
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(clock);
    }

    [Test]
    public async Task AddDistributedTokenCache_NoClockRegistered_RegistersTheSystemClock()
    {
        var services = new ServiceCollection().AddDistributedMemoryCache();

        services.AddDistributedTokenCache();

        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    private ServiceProvider Container(IDistributedCache store) =>
        new ServiceCollection()
            .AddSingleton(store)
            .AddDistributedTokenCache()
            .AddConfidentialClient(o =>
            {
                o.ClientId = TokenApps.ClientId;
                o.Authority = _apps.Authority.Authority;
                o.ClientCredential = ClientCredential.FromSecret(TokenApps.Secret);
                o.NetworkClient = new HttpClientNetworkClient(_apps.Authority.CreateHttpClient());
            })
            .BuildServiceProvider();
}
