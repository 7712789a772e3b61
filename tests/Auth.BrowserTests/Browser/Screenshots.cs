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
        var path = Path.Combine(Directory, $"{Prefix}{FileName(step)}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, $"{step}: {page.Url.Split('?')[0]}");
        return path;
    }

    /// <summary>In a set-up: removes the current test's screenshots from an earlier run, so none is mistaken for this run's.</summary>
    public static void DeleteEarlierRuns()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(Directory, Prefix + "*.png"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>In a tear-down: keeps what the browser showed when the test failed.</summary>
    public static async Task SaveIfFailedAsync(IPage page)
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await SaveAsync(page, "failed");
        }
    }

    private static string Prefix => FileName(TestContext.CurrentContext.Test.Name) + "-";

    private static string FileName(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
