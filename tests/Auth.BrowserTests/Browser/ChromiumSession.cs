using Microsoft.Playwright;

namespace Auth.BrowserTests.Browser;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>build/ci-deps.sh</c>) driven by Playwright: headless,
/// in a fresh profile that is deleted on dispose, and never a downloaded browser. It accepts any certificate because
/// the fake authorities make their own self-signed ones; the tests visit only loopback addresses.
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly DirectoryInfo _profile;

    private ChromiumSession(IPlaywright playwright, IBrowserContext context, DirectoryInfo profile, IPage page)
    {
        _playwright = playwright;
        _context = context;
        _profile = profile;
        Page = page;
    }

    /// <summary>The one tab the tests drive.</summary>
    public IPage Page { get; }

    public static async Task<ChromiumSession> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"{ExecutablePath} is missing: run build/ci-deps.sh (it installs Debian's chromium).");
        }

        var profile = Directory.CreateTempSubdirectory("auth-browser-tests-");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                IgnoreHTTPSErrors = true,
                Locale = "en-US",
                ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
            });
            context.SetDefaultTimeout(15_000);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            return new ChromiumSession(playwright, context, profile, page);
        }
        catch
        {
            playwright.Dispose();
            profile.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        _playwright.Dispose();
        _profile.Delete(recursive: true);
    }
}
