using Microsoft.Playwright;

namespace Auth.BrowserTests.Browser;

/// <summary>
/// A test with its own Chromium: launched before the test (its screenshots from earlier runs deleted) (before the derived fixture's set-up), and after it
/// (after the derived tear-down) screenshotted when the test failed, then closed.
/// </summary>
public abstract class BrowserTest
{
    private ChromiumSession? _browser;

    /// <summary>The browser's one tab.</summary>
    protected IPage Page => _browser?.Page ?? throw new InvalidOperationException("The browser did not start.");

    [SetUp]
    public async Task LaunchBrowserAsync()
    {
        Screenshots.DeleteEarlierRuns();
        _browser = await ChromiumSession.LaunchAsync();
    }

    [TearDown]
    public async Task CloseBrowserAsync()
    {
        if (_browser is not null)
        {
            await Screenshots.SaveIfFailedAsync(_browser.Page);
            await _browser.DisposeAsync();
        }
    }
}
