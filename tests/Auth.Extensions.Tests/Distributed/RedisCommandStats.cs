using System.Globalization;
using StackExchange.Redis;

namespace Auth.Extensions.Tests.Distributed;

/// <summary>
/// Counts the commands a redis-server executed, from its own <c>INFO commandstats</c> (not from a
/// wrapper around the client), leaving out the connection's housekeeping (INFO, PING, CLIENT, …).
/// </summary>
internal sealed class RedisCommandStats : IAsyncDisposable
{
    private static readonly HashSet<string> Housekeeping = new(StringComparer.OrdinalIgnoreCase)
    {
        "info", "ping", "echo", "client", "cluster", "config", "subscribe", "unsubscribe", "hello", "command", "select", "auth", "role", "sentinel", "time", "readonly",
    };

    private readonly ConnectionMultiplexer _redis;
    private readonly IServer _server;

    private RedisCommandStats(ConnectionMultiplexer redis, int port)
    {
        _redis = redis;
        _server = redis.GetServer("127.0.0.1", port);
    }

    public static async Task<RedisCommandStats> ConnectAsync(int port) =>
        new(await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},allowAdmin=true"), port);

    /// <summary>Returns the data commands executed so far, by lower-case name.</summary>
    public async Task<Snapshot> ReadAsync()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var group in await _server.InfoAsync("commandstats"))
        {
            foreach (var (key, value) in group)
            {
                const string prefix = "cmdstat_";
                var name = key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..].Split('|')[0] : null;
                if (name is null || Housekeeping.Contains(name))
                {
                    continue;
                }

                var calls = value.Split(',')[0]; // calls=N
                counts[name] = counts.GetValueOrDefault(name) + long.Parse(calls[(calls.IndexOf('=') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return new Snapshot(counts);
    }

    public ValueTask DisposeAsync() => _redis.DisposeAsync();

    /// <summary>Command counts at one moment; subtract two to get what ran between them.</summary>
    public sealed record Snapshot(IReadOnlyDictionary<string, long> Counts)
    {
        private static readonly string[] ReadCommands = ["get", "hget", "hmget", "hgetall", "mget", "exists"];
        private static readonly string[] WriteCommands = ["set", "hset", "hmset", "eval", "evalsha"];

        public long Total => Counts.Values.Sum();

        public long Reads => ReadCommands.Sum(c => Counts.GetValueOrDefault(c));

        public long Writes => WriteCommands.Sum(c => Counts.GetValueOrDefault(c));

        public static Snapshot operator -(Snapshot after, Snapshot before) =>
            new(after.Counts.ToDictionary(pair => pair.Key, pair => pair.Value - before.Counts.GetValueOrDefault(pair.Key), StringComparer.Ordinal));

        public override string ToString() =>
            string.Join(", ", Counts.Where(pair => pair.Value != 0).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
    }
}
