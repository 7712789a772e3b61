using Auth.BrowserTests.Browser;
using Auth.IntegrationTests.Samples;

namespace Auth.BrowserTests.Samples;

/// <summary>A browser test of a sample web app: the sample runs as its own process (on 127.0.0.1, against its embedded FakeAuthority) for each test.</summary>
public abstract class SampleBrowserTest : BrowserTest
{
    private readonly string _sampleName;
    private SampleProcess? _sample;

    /// <param name="sampleName">The sample's folder and project name under <c>samples/</c>.</param>
    protected SampleBrowserTest(string sampleName) => _sampleName = sampleName;

    private protected SampleProcess Sample => _sample ?? throw new InvalidOperationException("The sample did not start.");

    [SetUp]
    public async Task StartSampleAsync() => _sample = await SampleProcess.StartAsync(_sampleName);

    [TearDown]
    public async Task StopSampleAsync()
    {
        if (_sample is not null)
        {
            await _sample.DisposeAsync();
        }
    }
}
