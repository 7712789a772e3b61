using Auth.Benchmarks.Reporting;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Auth.Benchmarks;

/// <summary>
/// Modes: (default) short job; --full the default BenchmarkDotNet job; --dry one pass (smoke test); --report [artifacts] [output]
/// runs row 7, the size measurement and the Redis command count of rows 8 and 9 and writes RESULTS.md from the JSON exporter output;
/// --redis-commands prints that command count alone (<see cref="RedisCommandsPerCall"/>); --loop the single-tenant
/// rows in a plain Stopwatch loop (<see cref="PlainLoop"/>); --stages the stages of our hit path
/// (<see cref="Profiling.HitPathStages"/>, not part of the default run); --census [calls] the types our hit allocates
/// (<see cref="Profiling.AllocationCensus"/>). Other arguments (e.g. --filter '*Silent*') go to BenchmarkDotNet.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--report")
        {
            var artifacts = args.Length > 1 ? args[1] : "BenchmarkDotNet.Artifacts";
            var output = args.Length > 2 ? args[2] : "RESULTS.md";
            return await ResultsReport.WriteAsync(artifacts, output);
        }

        if (args.Length > 0 && args[0] == "--concurrency")
        {
            var (ours, msal) = await ConcurrentColdStart.RunAsync();
            Console.WriteLine($"token requests for {ConcurrentColdStart.Callers} concurrent callers: ours {ours}, MSAL.NET {msal}");
            return 0;
        }

        if (args.Length > 0 && args[0] == "--redis-commands")
        {
            foreach (var count in await RedisCommandsPerCall.RunAsync())
            {
                Console.WriteLine(RedisCommandsPerCall.Describe(count));
            }

            return 0;
        }

        if (args.Length > 0 && args[0] == "--loop")
        {
            return await PlainLoop.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "--census")
        {
            return await Profiling.AllocationCensus.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3_000_000);
        }

        var full = args.Contains("--full");
        var dry = args.Contains("--dry");
        var stages = args.Contains("--stages");
        var rest = args.Where(a => a is not "--full" and not "--dry" and not "--stages").ToArray();
        var job = (full ? Job.Default : dry ? Job.Dry : Job.Default.WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1))
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId(full ? "Default" : dry ? "Dry" : "Short");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddExporter(JsonExporter.Brief)
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
        if (!rest.Contains("--filter"))
        {
            rest = [.. rest, "--filter", "*"];
        }

        // The stage profile is a diagnostic of ours alone, not a row of RESULTS.md: only --stages runs it.
        var types = typeof(Program).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute), inherit: true)))
            .Where(t => (t.Namespace == typeof(Profiling.HitPathStages).Namespace) == stages)
            .ToArray();
        var summaries = BenchmarkSwitcher.FromTypes(types).Run(rest, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
