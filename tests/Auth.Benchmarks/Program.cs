using Auth.Benchmarks.Reporting;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Auth.Benchmarks;

/// <summary>
/// Modes: (default) short job; --full the default BenchmarkDotNet job; --dry one pass (smoke test); --report [artifacts] [output]
/// runs row 7 and the size measurement and writes RESULTS.md from the JSON exporter output.
/// Other arguments (e.g. --filter '*Silent*') go to BenchmarkDotNet.
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

        var full = args.Contains("--full");
        var dry = args.Contains("--dry");
        var rest = args.Where(a => a is not "--full" and not "--dry").ToArray();
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

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
