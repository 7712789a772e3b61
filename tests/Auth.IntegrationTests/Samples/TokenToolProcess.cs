using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Auth.IntegrationTests.Samples;

/// <summary>
/// One run of the built <c>auth-token</c> tool (samples/TokenTool) as its own process, with none of the AUTH_*
/// variables of the test's environment: stdout and stderr kept apart (stdout of <c>token</c> must be the token
/// alone), stderr also readable line by line while it runs. Killed on dispose. Also compiled into Auth.BrowserTests.
/// </summary>
internal sealed class TokenToolProcess : IAsyncDisposable
{
    private static readonly string[] ToolVariables = ["AUTH_AUTHORITY", "AUTH_CLIENT_ID", "AUTH_PROTOCOL", "AUTH_SCOPE", "AUTH_TOKEN_CACHE_DIR", "AUTH_TOKEN_BROWSER"];

    private readonly Process _process;
    private readonly OutputLines _stdout = new();
    private readonly OutputLines _stderr = new();

    private TokenToolProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => _stdout.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _stderr.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Starts the tool with <paramref name="args"/>; <paramref name="environment"/> adds (or, with null, removes) variables.</summary>
    public static TokenToolProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var test = TestContext.CurrentContext.TestDirectory;
        var configuration = Path.GetFileName(Path.GetDirectoryName(test.TrimEnd(Path.DirectorySeparatorChar)))!;
        var dll = Path.GetFullPath(Path.Combine(test, "..", "..", "..", "..", "..", "samples", "TokenTool", "bin", configuration, "net10.0", "auth-token.dll"));
        if (!File.Exists(dll))
        {
            Assert.Fail($"{dll} is missing: build this test project (it builds samples/TokenTool).");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in ToolVariables)
        {
            start.Environment.Remove(name);
        }

        ProcessEnvironment.Apply(start, environment);

        return new TokenToolProcess(Process.Start(start)!);
    }

    /// <summary>Runs the tool to its end.</summary>
    public static async Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        await using var tool = Start(environment, args);
        return await tool.WaitForExitAsync();
    }

    /// <summary>The first line of stderr (from the start) that <paramref name="match"/> accepts.</summary>
    public Task<string> WaitForStderrLineAsync(Func<string, bool> match) => _stderr.WaitForAsync(match, _stderr);

    /// <summary>The first line of stdout (from the start) that <paramref name="match"/> accepts: a long-running command such as <c>fake-authority</c> prints its address there.</summary>
    public Task<string> WaitForStdoutLineAsync(Func<string, bool> match) => _stdout.WaitForAsync(match, _stderr);

    public async Task<ToolRun> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await _process.WaitForExitAsync(timeout.Token);
        return new ToolRun(_process.ExitCode, _stdout.Text, _stderr.Text);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>One redirected stream: its text so far, and its lines for a reader that waits.</summary>
    private sealed class OutputLines
    {
        private readonly StringBuilder _text = new();
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public void Add(string? line)
        {
            if (line is null)
            {
                _lines.Writer.TryComplete();
                return;
            }

            lock (_text)
            {
                _text.AppendLine(line);
            }

            _lines.Writer.TryWrite(line);
        }

        public async Task<string> WaitForAsync(Func<string, bool> match, OutputLines stderr)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await foreach (var line in _lines.Reader.ReadAllAsync(timeout.Token))
            {
                if (match(line))
                {
                    return line;
                }
            }

            Assert.Fail($"The tool ended without the expected line:\n{Text}\nstderr:\n{stderr.Text}");
            throw new InvalidOperationException();
        }
    }
}

/// <summary>How one run of the tool ended.</summary>
internal sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
