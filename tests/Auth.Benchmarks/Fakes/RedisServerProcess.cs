using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Auth.Benchmarks.Fakes;

/// <summary>
/// A redis-server child process for rows 8 and 9: 127.0.0.1, a port the OS handed out, no
/// persistence, its own temporary directory. Ready once it logs that it accepts connections;
/// killed (with its directory) on <see cref="Dispose"/>.
/// </summary>
public sealed class RedisServerProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly string _directory;

    private RedisServerProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts a server; a port taken between choosing and binding is retried with another.</summary>
    public static async Task<RedisServerProcess> StartAsync()
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var directory = Directory.CreateTempSubdirectory("auth-bench-redis-").FullName;
            var port = UnusedPort();
            var process = Launch(directory, port, out var ready);
            var server = new RedisServerProcess(process, directory, port);
            try
            {
                if (await ready.WaitAsync(StartTimeout, TimeProvider.System))
                {
                    return server;
                }
            }
            catch (TimeoutException)
            {
            }

            server.Dispose();
        }

        throw new InvalidOperationException("redis-server did not become ready on 127.0.0.1 in 3 attempts.");
    }

    /// <summary>Client settings for this server: no tie-breaker key, so only the caches' own commands reach it.</summary>
    public ConfigurationOptions ClientOptions(bool allowAdmin = false) => new()
    {
        EndPoints = { { IPAddress.Loopback, Port } },
        AbortOnConnectFail = false,
        TieBreaker = string.Empty,
        AllowAdmin = allowAdmin,
    };

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Starts the process; <paramref name="ready"/> becomes true on its ready line, false if it exits first.</summary>
    private static Process Launch(string directory, int port, out Task<bool> ready)
    {
        var executable = FindExecutable()
            ?? throw new InvalidOperationException("redis-server is not on PATH; install it with build/ci-deps.sh (as root).");
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments = ["--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", directory];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var signal = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                signal.TrySetResult(false);
            }
            else if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                signal.TrySetResult(true);
            }
        };
        process.ErrorDataReceived += static (_, _) => { };
        process.Exited += (_, _) => signal.TrySetResult(false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ready = signal.Task;
        return process;
    }

    private static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);

    private static int UnusedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
