using Microsoft.Playwright;

namespace Auth.BrowserTests.Browser;

/// <summary>
/// Saves full-page screenshots under <c>{test output}/screenshots/</c>, named after the test and the step, and
/// attaches them to the test result, so a person can see what the browser showed.
/// </summary>
internal static class Screenshots
{
    public static string Directory => Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");

    public static async Task<string> SaveAsync(IPage page, string step)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = string.Concat($"{TestContext.CurrentContext.Test.Name}-{step}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, $"{step}: {page.Url.Split('?')[0]}");
        return path;
    }

    /// <summary>In a tear-down: keeps what the browser showed when the test failed.</summary>
    public static async Task SaveIfFailedAsync(IPage page)
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await SaveAsync(page, "failed");
        }
    }
}
