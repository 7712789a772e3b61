using System.Diagnostics;
using Auth.Common.Errors;
using Auth.Extensions.Persistence;
using Auth.Extensions.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth.Extensions.Tests.Persistence;

[TestFixture]
public sealed class CrossProcessLockTests
{
    [Test]
    public async Task AcquireAsync_HeldByOtherProcess_TimesOutThenRecoversWhenItIsKilled()
    {
        using var dir = new TempDirectory();
        using var holder = WorkerProcess.Start(new Dictionary<string, string?>(), "hold", dir.LockFile);
        (await holder.ReadLineAsync()).Should().Be("held");
        var shortLock = new CrossProcessLock(dir.LockFile, TimeSpan.FromMilliseconds(300), TimeProvider.System, NullLogger.Instance);

        var timeout = await FluentActions.Awaiting(() => shortLock.AcquireAsync(CancellationToken.None)).Should().ThrowAsync<AuthClientException>();
        holder.Kill();
        using var lease = await shortLock.AcquireAsync(CancellationToken.None);

        timeout.Which.Code.Should().Be(PersistenceErrorCodes.CacheLockTimeout);
        timeout.Which.Message.Should().Contain(dir.LockFile).And.Contain("stayed held");
        LockOwner.TryRead(dir.LockFile).Should().Be(LockOwner.Current);
    }

    [Test]
    public async Task AcquireAsync_LockStillHeldButRecordedOwnerGone_TakesOverAfterGrace()
    {
        using var dir = new TempDirectory();
        using var leaked = LockFile.TryOpen(dir.LockFile)!;
        new LockOwner(await DeadProcessIdAsync(), 42).Write(dir.LockFile);
        using var logs = new CapturingLoggerFactory();
        var cacheLock = new CrossProcessLock(dir.LockFile, TimeSpan.FromSeconds(10), TimeProvider.System, logs.CreateLogger("lock"));
        var watch = Stopwatch.StartNew();

        using var lease = await cacheLock.AcquireAsync(CancellationToken.None);

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(CrossProcessLock.StaleGrace);
        logs.Warnings.Should().ContainSingle(e => e.EventId == 3122);
        LockOwner.TryRead(dir.LockFile).Should().Be(LockOwner.Current);
    }

    [Test]
    public async Task AcquireAsync_ManyThreads_EachGetsTheLockAlone()
    {
        using var dir = new TempDirectory();
        var cacheLock = new CrossProcessLock(dir.LockFile, TimeSpan.FromSeconds(30), TimeProvider.System, NullLogger.Instance);
        var inside = 0;
        var maxInside = 0;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            using var lease = await cacheLock.AcquireAsync(CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        })));

        maxInside.Should().Be(1);
    }

    [Test]
    public async Task AcquireAsync_OpenLease_SecondOpenOfTheFileFails()
    {
        using var dir = new TempDirectory();
        var cacheLock = new CrossProcessLock(dir.LockFile, TimeSpan.FromSeconds(5), TimeProvider.System, NullLogger.Instance);

        using (await cacheLock.AcquireAsync(CancellationToken.None))
        {
            LockFile.TryOpen(dir.LockFile).Should().BeNull();
        }

        using var reopened = LockFile.TryOpen(dir.LockFile);
        reopened.Should().NotBeNull();
    }

    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Volatile.Read(ref target);
        }
    }
}
