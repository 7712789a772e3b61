using Auth.BrowserTests.Browser;
using Auth.IntegrationTests.Samples;
using Microsoft.Playwright;

namespace Auth.BrowserTests.Samples;

/// <summary>
/// The B2CUserFlows sample (its own process on 127.0.0.1, against its embedded FakeAuthority playing a B2C tenant) in a
/// real browser: sign up, edit the profile (and cancel an edit), "Forgot your password?" through the reset policy and
/// back signed in, then sign in with the new password; a screenshot of each page.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class B2CUserFlowsSampleBrowserTests : SampleBrowserTest
{
    [Test]
    public async Task B2CUserFlows_SignUpEditProfileForgotPassword_EachPolicyReturnsSignedIn()
    {
        var sample = await StartSampleAsync("B2CUserFlows");
        await Page.GotoAsync(sample.BaseUri.AbsoluteUri);
        await Screenshots.SaveAsync(Page, "home");
        await Link("Sign up / sign in").ClickAsync();
        await TitleAsync("Sign up or sign in");
        await Screenshots.SaveAsync(Page, "b2c-sign-in");
        await Link("Sign up now").ClickAsync();
        await TitleAsync("Create your account");
        await Page.GetByLabel("Email Address").FillAsync("grace@contoso.com");
        await Page.GetByLabel("Display Name").FillAsync("Grace Hopper");
        await Page.GetByLabel("New Password").FillAsync("Cobol1959!");
        await Screenshots.SaveAsync(Page, "b2c-sign-up");
        await Button("Create").ClickAsync();
        await TitleAsync("Hello, Grace Hopper");
        var signedUp = (Policy: await TextAsync("#policy"), Token: await TextAsync("#token"));
        await Screenshots.SaveAsync(Page, "signed-up");

        await Link("Edit profile").ClickAsync();
        await TitleAsync("Edit your profile");
        await Page.GetByLabel("Display Name").FillAsync("Grace B. Hopper");
        await Screenshots.SaveAsync(Page, "b2c-edit-profile");
        await Button("Continue").ClickAsync();
        await TitleAsync("Hello, Grace B. Hopper");
        var edited = (Policy: await TextAsync("#policy"), Token: await TextAsync("#token"), User: await TextAsync("#user"));
        await Screenshots.SaveAsync(Page, "profile-edited");

        await Link("Edit profile").ClickAsync();
        await TitleAsync("Edit your profile");
        await Button("Cancel").ClickAsync();
        await TitleAsync("Hello, Grace B. Hopper");
        var cancelled = await TextAsync("#note");
        await Screenshots.SaveAsync(Page, "edit-cancelled");

        await Link("Sign out").ClickAsync();
        await TitleAsync("Welcome");
        await Link("Sign up / sign in").ClickAsync();
        await TitleAsync("Sign up or sign in");
        await Link("Forgot your password?").ClickAsync();
        await TitleAsync("Reset your password");
        var resetUrl = new Uri(Page.Url);
        await Page.GetByLabel("Email Address").FillAsync("grace@contoso.com");
        await Page.GetByLabel("New Password").FillAsync("Flowmatic1955!");
        await Screenshots.SaveAsync(Page, "b2c-reset-password");
        await Button("Continue").ClickAsync();
        await TitleAsync("Hello, Grace B. Hopper");
        var reset = await TextAsync("#policy");
        await Screenshots.SaveAsync(Page, "password-reset");

        await Link("Sign out").ClickAsync();
        await TitleAsync("Welcome");
        await Link("Sign up / sign in").ClickAsync();
        await TitleAsync("Sign up or sign in");
        await Page.GetByLabel("Email Address").FillAsync("grace@contoso.com");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("Flowmatic1955!");
        await Button("Sign in").ClickAsync();
        await TitleAsync("Hello, Grace B. Hopper");
        await Screenshots.SaveAsync(Page, "signed-in-with-new-password");

        signedUp.Policy.Should().BeEquivalentTo("B2C_1_signupsignin", sample.Output);
        signedUp.Token.Should().Contain("from Cache").And.Contain("account of policy b2c_1_signupsignin");
        edited.Policy.Should().BeEquivalentTo("B2C_1_profileediting");
        edited.User.Should().Be("Grace B. Hopper");
        edited.Token.Should().Contain("from Cache").And.Contain("account of policy b2c_1_signupsignin", "silent at the sign-in policy uses that policy's account");
        cancelled.Should().Contain("You cancelled");
        resetUrl.AbsolutePath.Should().EndWith("/b2c_1_passwordreset/oauth2/v2.0/authorize", "Forgot your password? led the app to the reset policy");
        reset.Should().BeEquivalentTo("B2C_1_passwordreset");
    }

    private ILocator Link(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private Task<string> TextAsync(string selector) => Page.Locator(selector).InnerTextAsync();

    private async Task TitleAsync(string title) => await Page.WaitForFunctionAsync($"document.title === {System.Text.Json.JsonSerializer.Serialize(title)}");
}
