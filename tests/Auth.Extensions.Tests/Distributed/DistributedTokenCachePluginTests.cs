using System.Text;
using Auth.Common.Responses;
using Auth.Extensions.Distributed;
using Auth.Extensions.Tests.TestDoubles;

namespace Auth.Extensions.Tests.Distributed;

/// <summary>Sharing tokens between app instances through one store, one entry per partition.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DistributedTokenCachePluginTests : IDisposable
{
    private readonly TokenApps _apps = new();
    private readonly RecordingDistributedCache _store = new();

    public void Dispose() => _apps.Dispose();

    [Test]
    public async Task AcquireToken_SecondInstanceSameStore_ServedFromStoreWithoutTokenRequest()
    {
        var first = await _apps.App(new DistributedTokenCachePlugin(_store)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var second = await _apps.App(new DistributedTokenCachePlugin(_store)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        first.Source.Should().Be(TokenSource.IdentityProvider);
        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        _apps.TokenRequests.Should().Be(1);
    }

    [Test]
    public async Task AcquireToken_SeparateStores_EachInstanceAsksTheIdentityProvider()
    {
        await _apps.App(new DistributedTokenCachePlugin(_store)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var second = await _apps.App(new DistributedTokenCachePlugin(new RecordingDistributedCache())).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        second.Source.Should().Be(TokenSource.IdentityProvider);
        _apps.TokenRequests.Should().Be(2);
    }

    [Test]
    public async Task AcquireToken_AppToken_StoresOneEntryUnderPrefixClientIdAndPartitionKey()
    {
        var plugin = new DistributedTokenCachePlugin(_store);

        await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        _store.Keys.Should().Equal($"auth-tokens:{TokenApps.ClientId}:{TokenApps.ClientId}_{_apps.Authority.TenantId}_AppTokenCache");
        _store.Writes.Should().ContainSingle("only the write after the token response changed the partition");
    }

    [Test]
    public async Task AcquireToken_TwoScopesOneApp_BothTokensInTheOneEntryOfThePartition()
    {
        var app = _apps.App(new DistributedTokenCachePlugin(_store));

        var x = await app.AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var y = await app.AcquireTokenByClientCredentialAsync(TokenApps.OtherRequest);

        _store.Keys.Should().Equal(_apps.AppStorageKey());
        var json = Encoding.UTF8.GetString((await _store.GetAsync(_apps.AppStorageKey()))!);
        json.Should().Contain(x.AccessToken).And.Contain(y.AccessToken);
    }

    [Test]
    public async Task AcquireToken_TwoApps_OneEntryPerPartition()
    {
        await _apps.App(new DistributedTokenCachePlugin(_store)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        await _apps.App(new DistributedTokenCachePlugin(_store), TokenApps.OtherClientId).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        _store.Keys.Should().BeEquivalentTo(
            _apps.AppStorageKey(TokenApps.ClientId),
            _apps.AppStorageKey(TokenApps.OtherClientId));
    }

    [Test]
    public async Task AcquireToken_CustomKeyPrefix_StoresUnderThatPrefix()
    {
        var plugin = new DistributedTokenCachePlugin(_store, new DistributedTokenCacheOptions { KeyPrefix = "tenant-a/" });

        await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        _store.Keys.Should().Equal($"tenant-a/{TokenApps.ClientId}:{_apps.AppPartition()}");
    }

    [Test]
    public async Task AcquireToken_WithoutKey_StoresPlainCacheJson()
    {
        var result = await _apps.App(new DistributedTokenCachePlugin(_store)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var json = Encoding.UTF8.GetString(_store.Writes.Single().Value);
        json.Should().StartWith("{").And.Contain("\"AccessToken\"").And.Contain(result.AccessToken);
    }

    [Test]
    public async Task AcquireToken_CacheHit_DoesNotWriteTheStore()
    {
        var app = _apps.App(new DistributedTokenCachePlugin(_store));
        await app.AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var again = await app.AcquireTokenByClientCredentialAsync(TokenApps.Request);

        again.Source.Should().Be(TokenSource.Cache);
        _store.Writes.Should().ContainSingle();
    }
}
