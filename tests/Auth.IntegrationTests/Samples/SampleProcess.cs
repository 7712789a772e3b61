using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Auth.IntegrationTests.Samples;

/// <summary>
/// Runs a sample web app as its own process on 127.0.0.1 with a free port; kills it on dispose.
/// Also compiled into Auth.Extensions.Tests (linked), which runs the web app on Redis.
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private SampleProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the built sample at <paramref name="baseUri"/> (a free port when null); <paramref name="environment"/> adds
    /// variables (without it, AUTH_AUTHORITY is unset so the sample embeds its FakeAuthority).
    /// </summary>
    public static async Task<SampleProcess> StartAsync(string sampleName, IReadOnlyDictionary<string, string>? environment = null, Uri? baseUri = null)
    {
        var dll = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "samples", sampleName, "bin", "Release", "net10.0", sampleName + ".dll"));
        if (!File.Exists(dll))
        {
            Assert.Fail($"{dll} is missing: build the solution in Release first (build/test.sh does).");
        }

        baseUri ??= FreeBaseUri();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUri.AbsoluteUri.TrimEnd('/'));
        start.Environment.Remove("AUTH_AUTHORITY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var sample = new SampleProcess(Process.Start(start)!, baseUri);
        sample._process.OutputDataReceived += (_, e) => sample.Append(e.Data);
        sample._process.ErrorDataReceived += (_, e) => sample.Append(e.Data);
        sample._process.BeginOutputReadLine();
        sample._process.BeginErrorReadLine();
        await sample.WaitUntilHealthyAsync();
        return sample;
    }

    /// <summary>Stops the sample (a test may stop one before the end of its <c>using</c> scope: a second call does nothing).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The sample exited early:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync(new Uri(BaseUri, "health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }

        Assert.Fail($"The sample did not answer /health in time:\n{Output}");
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>An address on 127.0.0.1 with a port free now, for a sample that another must know before it starts.</summary>
    public static Uri FreeBaseUri()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
    }
}
