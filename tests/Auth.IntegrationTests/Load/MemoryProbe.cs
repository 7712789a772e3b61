namespace Auth.IntegrationTests.Load;

/// <summary>The managed heap after full, compacting collections with finalizers run: what the process still holds.</summary>
internal static class MemoryProbe
{
    public static long Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Whether <paramref name="after"/> grew past <paramref name="before"/> by more than the tolerance (a fixed slack plus a fraction).</summary>
    public static bool Grew(long before, long after, long slackBytes, double fraction) =>
        after - before > slackBytes + (long)(before * fraction);
}
