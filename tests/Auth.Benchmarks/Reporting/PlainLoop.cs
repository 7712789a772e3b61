using System.Diagnostics;
using System.Globalization;
using Auth.Benchmarks.Benchmarks;

namespace Auth.Benchmarks.Reporting;

/// <summary>
/// <c>--loop</c>: the single-tenant rows measured the way a new user would, without BenchmarkDotNet.
/// For each case and library: a fresh app, warm-up calls, then the mean over the measured calls
/// with a <see cref="Stopwatch"/> (GC pauses included) and the bytes allocated per call
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>). A phase stops early after
/// <see cref="Budget"/> (MSAL.NET at 1 × 100,000 takes milliseconds per call); the table says
/// how many calls were measured.
/// Options: <c>--calls N</c> (default 100,000), <c>--only ours|msal</c>, <c>--case entra|oidc</c>, <c>--size 1x10|1x100000</c>.
/// </summary>
public static class PlainLoop
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = int.Parse(Option(args, "--calls") ?? "100000", CultureInfo.InvariantCulture);
        var only = Option(args, "--only");
        var cases = new (string Name, Func<SingleTenantBenchmark> Create)[]
        {
            ("Entra ID", () => new SingleTenantEntraCacheHit()),
            ("OIDC", () => new SingleTenantOidcCacheHit()),
        }.Where(c => Option(args, "--case") is not { } name || c.Name.Contains(name, StringComparison.OrdinalIgnoreCase)).ToArray();
        var sizes = Option(args, "--size") is { } size ? [size] : new[] { "1x10", "1x100000" };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Plain loop: {calls:N0} warm-up calls, then the mean over {calls:N0} calls (each phase capped at {Budget.TotalSeconds:0} s); Stopwatch, GC included."));
        Console.WriteLine();
        Console.WriteLine("| Single tenant | Size | Ours mean | MSAL.NET mean | Ratio (MSAL/ours) | Ours B/call | MSAL B/call | Calls (ours / MSAL) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        var threadChanged = false;
        foreach (var (name, create) in cases)
        {
            foreach (var s in sizes)
            {
                var ours = only is null or "ours" ? await MeasureAsync(create(), s, msal: false, calls) : null;
                var msal = only is null or "msal" ? await MeasureAsync(create(), s, msal: true, calls) : null;
                threadChanged |= ours?.ThreadChanged == true || msal?.ThreadChanged == true;
                var ratio = ours is { } o && msal is { } m ? (m.Nanoseconds / o.Nanoseconds).ToString("0.00", CultureInfo.InvariantCulture) : "–";
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {name} | {s} | {Ns(ours)} | {Ns(msal)} | {ratio} | {Bytes(ours)} | {Bytes(msal)} | {ours?.Calls.ToString("N0", CultureInfo.InvariantCulture) ?? "–"} / {msal?.Calls.ToString("N0", CultureInfo.InvariantCulture) ?? "–"} |"));
            }
        }

        if (threadChanged)
        {
            Console.WriteLine();
            Console.WriteLine("* The calls resumed on another thread: bytes are the whole process's (GC.GetTotalAllocatedBytes).");
        }

        return 0;
    }

    private sealed record Measurement(double Nanoseconds, double BytesPerCall, int Calls, bool ThreadChanged);

    private static async Task<Measurement> MeasureAsync(SingleTenantBenchmark bench, string size, bool msal, int calls)
    {
        bench.Size = size;
        await (msal ? bench.SetupMsal() : bench.SetupOurs());
        Func<Task<string>> call = msal ? bench.Msal : bench.Ours;

        // Warm-up: the JIT reaches its optimized tier; also tells how many calls fit the budget.
        var warm = Stopwatch.StartNew();
        var warmed = 0;
        while (warmed < calls && warm.Elapsed < Budget)
        {
            await call();
            warmed++;
        }

        var measured = warmed;
        var thread = Environment.CurrentManagedThreadId;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var totalBefore = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < measured; i++)
        {
            await call();
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var changed = thread != Environment.CurrentManagedThreadId;
        var allocated = changed ? GC.GetTotalAllocatedBytes(precise: true) - totalBefore : GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new Measurement(elapsed.TotalNanoseconds / measured, (double)allocated / measured, measured, changed);
    }

    private static string Ns(Measurement? m) => m is null ? "–" : m.Nanoseconds switch
    {
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{m.Nanoseconds:0.0} ns"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{m.Nanoseconds / 1_000:0.00} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{m.Nanoseconds / 1_000_000:0.00} ms"),
    };

    private static string Bytes(Measurement? m) =>
        m is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{m.BytesPerCall:N0} B{(m.ThreadChanged ? "*" : string.Empty)}");

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
