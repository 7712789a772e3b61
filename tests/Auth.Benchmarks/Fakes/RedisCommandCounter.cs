using System.Globalization;
using StackExchange.Redis;

namespace Auth.Benchmarks.Fakes;

/// <summary>
/// Counts the data commands a redis-server has executed, from the server's own <c>INFO commandstats</c>,
/// leaving out connection housekeeping (INFO, PING, CLIENT, HELLO, …) and this counter's own INFO.
/// </summary>
public sealed class RedisCommandCounter : IAsyncDisposable
{
    private static readonly string[] Housekeeping = ["info", "ping", "echo", "client", "cluster", "config", "hello", "command", "select", "auth", "role", "sentinel", "subscribe", "unsubscribe", "time"];

    private readonly ConnectionMultiplexer _connection;
    private readonly IServer _server;

    private RedisCommandCounter(ConnectionMultiplexer connection, RedisServerProcess server)
    {
        _connection = connection;
        _server = connection.GetServer(server.ClientOptions().EndPoints[0]);
    }

    public static async Task<RedisCommandCounter> ConnectAsync(RedisServerProcess server) =>
        new(await ConnectionMultiplexer.ConnectAsync(server.ClientOptions(allowAdmin: true)), server);

    /// <summary>Returns the data commands executed so far, by command name.</summary>
    public async Task<Dictionary<string, long>> ReadAsync()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var section in await _server.InfoAsync("commandstats"))
        {
            foreach (var (key, value) in section)
            {
                var name = key.Replace("cmdstat_", string.Empty, StringComparison.Ordinal).Split('|')[0];
                if (Housekeeping.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                var calls = value.Split(',')[0]; // calls=N,usec=…
                counts[name] = counts.GetValueOrDefault(name) + long.Parse(calls[(calls.IndexOf('=') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return counts;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
