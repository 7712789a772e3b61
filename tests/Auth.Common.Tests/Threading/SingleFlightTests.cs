using Auth.Common.Threading;

namespace Auth.Common.Tests.Threading;

[TestFixture]
public sealed class SingleFlightTests
{
    [Test]
    public async Task RunAsync_ConcurrentSameKey_RunsOnce()
    {
        var flight = new SingleFlight<string, int>();
        var runs = 0;
        var gate = new TaskCompletionSource();

        var tasks = Enumerable.Range(0, 100).Select(_ => flight.RunAsync("k", async () =>
        {
            Interlocked.Increment(ref runs);
            await gate.Task;
            return 7;
        }, CancellationToken.None)).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(tasks);

        runs.Should().Be(1);
        results.Should().AllBeEquivalentTo(7);
        flight.Count.Should().Be(0);
    }

    [Test]
    public async Task RunAsync_AfterCompletion_RunsAgain()
    {
        var flight = new SingleFlight<string, int>();
        var runs = 0;

        await flight.RunAsync("k", () => Task.FromResult(Interlocked.Increment(ref runs)), CancellationToken.None);
        var second = await flight.RunAsync("k", () => Task.FromResult(Interlocked.Increment(ref runs)), CancellationToken.None);

        second.Should().Be(2);
    }

    [Test]
    public async Task RunAsync_Failure_IsSharedThenForgotten()
    {
        var flight = new SingleFlight<string, int>();

        Func<Task<int>> boom = () => throw new InvalidOperationException("boom");
        var failing = () => flight.RunAsync("k", boom, CancellationToken.None);
        await failing.Should().ThrowAsync<InvalidOperationException>();
        var next = await flight.RunAsync("k", () => Task.FromResult(3), CancellationToken.None);

        next.Should().Be(3);
    }

    [Test]
    public async Task RunAsync_OneCallerCancels_OthersStillGetTheResult()
    {
        var flight = new SingleFlight<string, int>();
        var gate = new TaskCompletionSource();
        using var cts = new CancellationTokenSource();

        var cancelled = flight.RunAsync("k", async () => { await gate.Task; return 5; }, cts.Token);
        var patient = flight.RunAsync("k", () => Task.FromResult(-1), CancellationToken.None);
        await cts.CancelAsync();
        gate.SetResult();

        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();
        (await patient).Should().Be(5);
    }
}
