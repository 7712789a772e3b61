using Auth.Common.Responses;
using Auth.Extensions.Distributed;
using Auth.Extensions.Tests.TestDoubles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Extensions.Tests.Distributed;

/// <summary>A store that throws or hangs never fails the token call; only the caller's cancellation does.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ResilienceTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);
    private readonly TokenApps _apps = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _apps.Dispose();

    [Test]
    public async Task AcquireToken_StoreThrows_NoExceptionTokenFromIdentityProviderWarningLogged()
    {
        var store = new FailingDistributedCache();

        var result = await _apps.App(new DistributedTokenCachePlugin(store, loggerFactory: _logs, timeProvider: _time)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        result.Source.Should().Be(TokenSource.IdentityProvider);
        _logs.Warnings.Should().Contain(w => w.EventId == 3100 && w.Exception is InvalidOperationException && w.Message.Contains(_apps.AppPartition()));
        _logs.Warnings.Should().Contain(w => w.EventId == 3102);
    }

    [Test]
    public async Task AcquireToken_StoreWriteThrows_NoExceptionAndWarningLogged()
    {
        var store = new FailingDistributedCache(readsWork: true);

        var result = await _apps.App(new DistributedTokenCachePlugin(store, loggerFactory: _logs, timeProvider: _time)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        result.Source.Should().Be(TokenSource.IdentityProvider);
        store.Operations.Should().Equal("set");
        _logs.Warnings.Should().Contain(w => w.EventId == 3100 && w.Message.Contains("write"));
    }

    [Test]
    public async Task AcquireToken_StoreThrowsNoCooldown_TriesEveryAccessButDoesNotSaveAnUnloadedPartition()
    {
        var store = new FailingDistributedCache();
        var options = new DistributedTokenCacheOptions { OutageCooldown = TimeSpan.Zero };

        var result = await _apps.App(new DistributedTokenCachePlugin(store, options, _logs, _time)).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        result.Source.Should().Be(TokenSource.IdentityProvider);
        store.Operations.Should().HaveCountGreaterThan(1, "every cache access tries the store again").And.OnlyContain(o => o == "get", "the save is skipped");
        _logs.Entries.Should().Contain(e => e.EventId == 3107 && e.Level == LogLevel.Debug);
        _logs.Warnings.Should().NotContain(w => w.EventId == 3102);
    }

    [Test]
    public async Task AcquireToken_AfterOutage_SkipsStoreForTheCooldownThenTriesAgain()
    {
        var store = new FailingDistributedCache();
        var plugin = new DistributedTokenCachePlugin(store, loggerFactory: _logs, timeProvider: _time);
        await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var callsAfterOutage = store.Calls;

        _time.Advance(TimeSpan.FromSeconds(9));
        var during = await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        var callsDuringCooldown = store.Calls;
        _time.Advance(TimeSpan.FromSeconds(1));
        await _apps.App(plugin).AcquireTokenByClientCredentialAsync(TokenApps.Request);

        callsAfterOutage.Should().Be(1);
        during.Source.Should().Be(TokenSource.IdentityProvider);
        callsDuringCooldown.Should().Be(1, "the store is skipped for 10 s after an outage");
        store.Calls.Should().Be(2);
        _logs.Entries.Should().Contain(e => e.EventId == 3103);
    }

    [Test]
    public async Task AcquireToken_StoreHangs_AbandonedAfterOperationTimeout()
    {
        var store = new HangingDistributedCache();
        var options = new DistributedTokenCacheOptions { OperationTimeout = TimeSpan.FromSeconds(5) };
        var call = _apps.App(new DistributedTokenCachePlugin(store, options, _logs, _time)).AcquireTokenByClientCredentialAsync(TokenApps.Request);
        await store.Entered.WaitAsync(Guard);

        _time.Advance(TimeSpan.FromSeconds(4.9));
        var completedBeforeTimeout = call.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await call.WaitAsync(Guard);

        completedBeforeTimeout.Should().BeFalse();
        result.Source.Should().Be(TokenSource.IdentityProvider);
        store.Calls.Should().Be(1, "after the timeout the store is skipped for the cooldown");
        _logs.Warnings.Should().Contain(w => w.EventId == 3100 && w.Exception is TimeoutException);
    }

    [Test]
    public async Task AcquireToken_CallerCancelsWhileStoreHangs_ThrowsOperationCanceledException()
    {
        var store = new HangingDistributedCache();
        var options = new DistributedTokenCacheOptions { OperationTimeout = TimeSpan.FromMinutes(1) };
        using var cancellation = new CancellationTokenSource();
        var call = _apps.App(new DistributedTokenCachePlugin(store, options, _logs)).AcquireTokenByClientCredentialAsync(TokenApps.Request, cancellation.Token);
        await store.Entered.WaitAsync(Guard);

        await cancellation.CancelAsync();

        await FluentActions.Awaiting(() => call.WaitAsync(Guard)).Should().ThrowAsync<OperationCanceledException>();
        _logs.Warnings.Should().BeEmpty("cancellation is not an outage");
    }
}
