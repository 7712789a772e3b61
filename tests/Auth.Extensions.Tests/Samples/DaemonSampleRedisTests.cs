using System.Diagnostics;
using Auth.Extensions.Tests.Distributed;

namespace Auth.Extensions.Tests.Samples;

/// <summary>
/// Two separate processes of samples/Daemon against one real redis-server: the second process is
/// served from Redis without a request to the identity provider.
/// </summary>
[TestFixture]
public sealed class DaemonSampleRedisTests
{
    [Test]
    public async Task Daemon_SecondProcess_IsServedFromRedis()
    {
        using var redis = await RedisServer.StartAsync();

        var first = await RunDaemonAsync(redis.Port);
        var second = await RunDaemonAsync(redis.Port);

        first.Should().Contain("call 1: source=IdentityProvider").And.Contain("reached the identity provider: 1");
        second.Should().Contain("call 1: source=Cache").And.Contain("reached the identity provider: 0");
    }

    private static async Task<string> RunDaemonAsync(int redisPort)
    {
        var dll = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "samples", "Daemon", "bin", "Release", "net10.0", "Daemon.dll"));
        if (!File.Exists(dll))
        {
            Assert.Fail($"{dll} is missing: build the solution in Release first (build/test.sh does).");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.Environment["AUTH_REDIS"] = $"127.0.0.1:{redisPort}";
        start.Environment.Remove("AUTH_AUTHORITY");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, await errors);
        return await output;
    }
}
