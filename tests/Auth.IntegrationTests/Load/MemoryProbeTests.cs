namespace Auth.IntegrationTests.Load;

/// <summary>The memory check of the load test can fail: a planted per-call leak is caught, no leak is not.</summary>
[TestFixture]
[NonParallelizable]
public sealed class MemoryProbeTests
{
    [Test]
    public void Grew_PlantedLeakOfOneKilobytePerCall_IsCaught()
    {
        var before = MemoryProbe.Settle();
        var leak = Enumerable.Range(0, 10_000).Select(_ => new byte[1024]).ToList();

        var after = MemoryProbe.Settle();

        MemoryProbe.Grew(before, after, 4 * 1024 * 1024, 0.10).Should().BeTrue($"10,000 KiB were kept ({before:N0} B -> {after:N0} B)");
        GC.KeepAlive(leak);
    }

    [Test]
    public void Grew_GarbageOnly_IsNotALeak()
    {
        var before = MemoryProbe.Settle();
        var garbage = Enumerable.Range(0, 10_000).Select(_ => new byte[1024]).Sum(b => b.Length);

        var after = MemoryProbe.Settle();

        garbage.Should().Be(10_000 * 1024);
        MemoryProbe.Grew(before, after, 4 * 1024 * 1024, 0.10).Should().BeFalse($"nothing was kept ({before:N0} B -> {after:N0} B)");
    }
}
