using System.Diagnostics.Tracing;
using System.Globalization;
using Auth.Benchmarks.Benchmarks;

namespace Auth.Benchmarks.Profiling;

/// <summary>
/// <c>--census</c>: which types our single-tenant hit allocates. Runs row 1a (ours, 1 × 10) under an
/// in-process listener of the runtime's GCAllocationTick events (one sample per ~100 KB allocated,
/// with the type name), so each type's share of the samples is its share of the bytes.
/// </summary>
public static class AllocationCensus
{
    public static async Task<int> RunAsync(int calls)
    {
        var bench = new SingleTenantEntraCacheHit { Size = "1x10" };
        await bench.SetupOurs();
        for (var i = 0; i < 100_000; i++)
        {
            await bench.Ours();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        Dictionary<string, int> counts;
        using (var listener = new Listener())
        {
            for (var i = 0; i < calls; i++)
            {
                await bench.Ours();
            }

            counts = listener.Snapshot();
        }

        var perCall = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / calls;
        var total = counts.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{calls:N0} hits, {perCall:N0} B per call (benchmark wrapper included), {total:N0} allocation samples:"));
        foreach (var (type, count) in counts.OrderByDescending(c => c.Value))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {100.0 * count / total,5:0.0}%  ≈{perCall * count / total,4:0} B  {type}"));
        }

        return 0;
    }

    private sealed class Listener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();

        public Dictionary<string, int> Snapshot()
        {
            lock (_lock)
            {
                return new Dictionary<string, int>(_counts, StringComparer.Ordinal);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null || eventData.Payload is null)
            {
                return;
            }

            var index = eventData.PayloadNames.IndexOf("TypeName");
            var type = index >= 0 ? eventData.Payload[index]?.ToString() ?? "?" : "?";
            lock (_lock)
            {
                _counts[type] = _counts.GetValueOrDefault(type) + 1;
            }
        }
    }
}
