using System.Globalization;
using Auth.Benchmarks.Benchmarks;
using Auth.Benchmarks.Fakes;

namespace Auth.Benchmarks.Reporting;

/// <summary>
/// Rows 8 and 9 in Redis commands: each case of <see cref="DistributedRedisBenchmark"/> is set up as
/// BenchmarkDotNet sets it up, then <see cref="Calls"/> calls are counted by the server itself
/// (<see cref="RedisCommandCounter"/>). <c>--redis-commands</c> prints it; RESULTS.md carries it as a note.
/// </summary>
public static class RedisCommandsPerCall
{
    public const int Calls = 200;

    public sealed record Count(string Row, string Library, double PerCall, string Commands);

    public static async Task<IReadOnlyList<Count>> RunAsync()
    {
        var counts = new List<Count>();
        foreach (var (row, create) in new (string, Func<DistributedRedisBenchmark>)[] { ("8 hit", () => new DistributedRedisCacheHit()), ("9 miss", () => new DistributedRedisCacheMiss()) })
        {
            counts.Add(await MeasureAsync(row, "Ours", create(), msal: false));
            counts.Add(await MeasureAsync(row, "MSAL.NET + Identity.Web", create(), msal: true));
        }

        return counts;
    }

    public static string Describe(Count count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count.Library}, row {count.Row}: {count.PerCall:0.##} per call ({(count.Commands.Length == 0 ? "none" : count.Commands)})");

    private static async Task<Count> MeasureAsync(string row, string library, DistributedRedisBenchmark bench, bool msal)
    {
        await (msal ? bench.SetupMsal() : bench.SetupOurs());
        try
        {
            await using var counter = await RedisCommandCounter.ConnectAsync(bench.Server!);
            var before = await counter.ReadAsync();
            for (var i = 0; i < Calls; i++)
            {
                await (msal ? bench.Msal() : bench.Ours());
            }

            var after = await counter.ReadAsync();
            var used = after.Select(p => (p.Key, Calls: p.Value - before.GetValueOrDefault(p.Key))).Where(p => p.Calls > 0).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            var commands = string.Join(", ", used.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {(double)p.Calls / Calls:0.##}")));
            return new Count(row, library, (double)used.Sum(p => p.Calls) / Calls, commands);
        }
        finally
        {
            bench.Cleanup();
        }
    }
}
