using Auth.Extensions.Distributed;
using Auth.Extensions.Tests.TestDoubles;

namespace Auth.Extensions.Tests.Distributed;

/// <summary>Expiry options reach the store; invalid options are refused with every problem listed.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DistributedTokenCacheOptionsTests : IDisposable
{
    private readonly TokenApps _apps = new();
    private readonly RecordingDistributedCache _store = new();

    public void Dispose() => _apps.Dispose();

    [Test]
    public async Task AfterCacheAccess_DefaultOptions_OneDaySlidingNoAbsoluteExpiry()
    {
        await _apps.App(new DistributedTokenCachePlugin(_store)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var options = _store.Writes.Single().Options;
        options.SlidingExpiration.Should().Be(TimeSpan.FromDays(1));
        options.AbsoluteExpirationRelativeToNow.Should().BeNull();
        options.AbsoluteExpiration.Should().BeNull();
    }

    [Test]
    public async Task AfterCacheAccess_ConfiguredExpiry_PassedToTheStore()
    {
        var plugin = new DistributedTokenCachePlugin(_store, new DistributedTokenCacheOptions
        {
            SlidingExpiration = TimeSpan.FromHours(2),
            AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(12),
        });

        await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var options = _store.Writes.Single().Options;
        options.SlidingExpiration.Should().Be(TimeSpan.FromHours(2));
        options.AbsoluteExpirationRelativeToNow.Should().Be(TimeSpan.FromHours(12));
    }

    [Test]
    public async Task AfterCacheAccess_NoExpiry_NeitherIsSet()
    {
        var plugin = new DistributedTokenCachePlugin(_store, new DistributedTokenCacheOptions { SlidingExpiration = null });

        await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        var options = _store.Writes.Single().Options;
        options.SlidingExpiration.Should().BeNull();
        options.AbsoluteExpirationRelativeToNow.Should().BeNull();
    }

    [Test]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new DistributedTokenCacheOptions
        {
            EncryptionKey = new byte[16],
            OperationTimeout = TimeSpan.Zero,
            SlidingExpiration = TimeSpan.FromSeconds(-1),
            OutageCooldown = TimeSpan.FromSeconds(-1),
        };

        var act = () => new DistributedTokenCachePlugin(_store, options);

        act.Should().Throw<ArgumentException>()
            .WithMessage("*4 problem(s)*EncryptionKey must be 32 bytes*not 16*")
            .And.Message.Should().Contain("OperationTimeout").And.Contain("SlidingExpiration").And.Contain("OutageCooldown");
    }

    [Test]
    public async Task Constructor_KeyArrayChangedAfterwards_KeepsUsingTheOriginalKey()
    {
        var key = TokenApps.NewKey();
        var original = (byte[])key.Clone();
        var options = new DistributedTokenCacheOptions { EncryptionKey = key };
        var writer = new DistributedTokenCachePlugin(_store, options);
        Array.Clear(key);

        await _apps.App(writer).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var reader = await _apps.App(new DistributedTokenCachePlugin(_store, new DistributedTokenCacheOptions { EncryptionKey = original })).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        reader.Source.Should().Be(Common.Responses.TokenSource.Cache);
    }
}
