using System.Diagnostics;

namespace Auth.Extensions.Tests.Persistence;

/// <summary>A running tests/Auth.Extensions.StressWorker process (built with the tests).</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    private WorkerProcess(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public static WorkerProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var test = TestContext.CurrentContext.TestDirectory;
        var configuration = Path.GetFileName(Path.GetDirectoryName(test.TrimEnd(Path.DirectorySeparatorChar)))!;
        var dll = Path.GetFullPath(Path.Combine(test, "..", "..", "..", "..", "Auth.Extensions.StressWorker", "bin", configuration, "net10.0", "Auth.Extensions.StressWorker.dll"));
        if (!File.Exists(dll))
        {
            Assert.Fail($"{dll} is missing: build tests/Auth.Extensions.Tests (it builds the worker).");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return new WorkerProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the first line of output (the worker says "held" when it holds a lock).</summary>
    public async Task<string?> ReadLineAsync() => await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));

    public async Task<string> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var output = _process.StandardOutput.ReadToEndAsync(timeout.Token);
        await _process.WaitForExitAsync(timeout.Token);
        _process.ExitCode.Should().Be(0, await _errors);
        return await output;
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
