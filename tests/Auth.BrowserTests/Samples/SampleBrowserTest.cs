using Auth.BrowserTests.Browser;
using Auth.IntegrationTests.Samples;

namespace Auth.BrowserTests.Samples;

/// <summary>
/// A browser test of sample web processes (each on 127.0.0.1, started with <see cref="StartSampleAsync"/>), stopped after
/// the test, last started first, before the browser closes. One instance per test, so samples are never shared.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public abstract class SampleBrowserTest : BrowserTest
{
    private readonly Stack<SampleProcess> _samples = new();

    [TearDown]
    public async Task StopSamplesAsync()
    {
        while (_samples.TryPop(out var sample))
        {
            await sample.DisposeAsync();
        }
    }

    /// <inheritdoc cref="SampleProcess.StartAsync"/>
    internal async Task<SampleProcess> StartSampleAsync(string sampleName, IReadOnlyDictionary<string, string>? environment = null, Uri? baseUri = null)
    {
        var sample = await SampleProcess.StartAsync(sampleName, environment, baseUri);
        _samples.Push(sample);
        return sample;
    }
}
