using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Auth.Extensions.Tests.Distributed;

/// <summary>
/// A real redis-server on 127.0.0.1 and a free port, without persistence, started by the test and
/// killed with it. A missing redis-server is installed once through build/ci-deps.sh; if it is
/// still missing the test fails (it is never skipped).
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private RedisServer(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    public static async Task<RedisServer> StartAsync()
    {
        var executable = RedisExecutable.FullPath
            ?? throw new AssertionException("redis-server is not installed and build/ci-deps.sh did not install it; run build/ci-deps.sh (as root) and retry.");
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(executable, FreePort());
            if (await server.WaitUntilReadyAsync())
            {
                return server;
            }

            server.Dispose();
            if (attempt == 3)
            {
                throw new AssertionException($"redis-server did not accept connections on 127.0.0.1 within 10 s ({attempt} attempts).");
            }
        }
    }

    /// <summary>A new Redis client (its own connection) of this server, as one app instance has; the caller disposes it.</summary>
    public RedisCache CreateClient() => new(Options.Create(new RedisCacheOptions
    {
        ConfigurationOptions = new ConfigurationOptions
        {
            EndPoints = { { "127.0.0.1", Port } },
            ConnectTimeout = 1000,
            AbortOnConnectFail = false,
            TieBreaker = string.Empty, // no GET __Booksleeve_TieBreak on connect: INFO commandstats then counts only the cache's own commands
        },
    }));

    /// <summary>Kills the server (an outage); the port stops answering.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static RedisServer Launch(string executable, int port)
    {
        var directory = Directory.CreateTempSubdirectory("auth-redis-").FullName;
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new AssertionException("redis-server did not start.");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RedisServer(process, port, directory);
    }

    /// <summary>Waits until the server answers PING; false if it exited (port taken) or never answered.</summary>
    private async Task<bool> WaitUntilReadyAsync()
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < TimeSpan.FromSeconds(10) && !_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (SocketException)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
