using Auth.Common.Telemetry;

namespace Auth.Common.Tests.Telemetry;

/// <summary>The clock of an acquisition measured without an activity (a meter listener alone).</summary>
[TestFixture]
public sealed class ElapsedTests
{
    [Test]
    public void SynchronousPart_IsTimedWithTheCoarseClock()
    {
        var started = Elapsed.Start();

        var elapsed = started.Stop();

        started.CoarseStart.Should().BePositive();
        started.PreciseStart.Should().Be(0);
        elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Test]
    public async Task AfterGoingAsync_TheWaitIsTimedWithThePreciseClock_PlusTheSynchronousPart()
    {
        var going = Elapsed.Start().GoingAsync();

        await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        var elapsed = going.Stop();

        going.PreciseStart.Should().BePositive();
        going.CoarseMilliseconds.Should().BeGreaterThanOrEqualTo(0);
        elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(45)).And.BeLessThan(TimeSpan.FromSeconds(30));
    }
}
