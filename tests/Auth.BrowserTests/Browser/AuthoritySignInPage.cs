using Microsoft.Playwright;

namespace Auth.BrowserTests.Browser;

/// <summary>The FakeAuthority's sign-in page as a user meets it: found by its labels and button names.</summary>
internal sealed class AuthoritySignInPage
{
    public const string Title = "Sign in to your account";

    private readonly IPage _page;

    public AuthoritySignInPage(IPage page)
    {
        _page = page;
    }

    public ILocator Username => _page.GetByLabel("Username");

    public ILocator Password => _page.GetByLabel("Password");

    public ILocator Error => _page.GetByRole(AriaRole.Alert);

    /// <summary>Waits until the browser shows the sign-in page.</summary>
    public async Task WaitAsync()
    {
        await _page.WaitForFunctionAsync($"document.title === '{Title}'");
        await Username.WaitForAsync();
    }

    public async Task SignInAsync(string username, string password)
    {
        await Username.FillAsync(username);
        await Password.FillAsync(password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public Task CancelAsync() => _page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
}
