using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Auth.IntegrationTests.Samples;

/// <summary>Runs a sample web app as its own process on 127.0.0.1 with a free port; kills it on dispose.</summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

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

    /// <param name="sampleName">The sample's project name.</param>
    /// <param name="environment">Environment variables to set for the sample (for example a configuration switch).</param>
    public static async Task<SampleProcess> StartAsync(string sampleName, params (string Name, string Value)[] environment)
    {
        var dll = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "samples", sampleName, "bin", "Release", "net10.0", sampleName + ".dll"));
        if (!File.Exists(dll))
        {
            Assert.Fail($"{dll} is missing: build the solution in Release first (build/test.sh does).");
        }

        var baseUri = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUri.AbsoluteUri.TrimEnd('/'));
        start.Environment.Remove("AUTH_AUTHORITY");
        foreach (var (name, value) in environment)
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

    public async ValueTask DisposeAsync()
    {
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
