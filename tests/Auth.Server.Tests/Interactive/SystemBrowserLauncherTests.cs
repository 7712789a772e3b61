using Auth.Common.Errors;
using Auth.Server.Interactive;

namespace Auth.Server.Tests.Interactive;

[TestFixture]
public sealed class SystemBrowserLauncherTests
{
    [Test]
    public async Task Open_RunsTheCommandWithTheUrlAsOneArgument()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("The stand-in opener is a shell script; Windows opens URLs through the shell.");
            return;
        }

        var dir = Directory.CreateTempSubdirectory("auth-browser-");
        var output = Path.Combine(dir.FullName, "opened.txt");
        var script = Path.Combine(dir.FullName, "fake-open");
        await File.WriteAllTextAsync(script, $"#!/bin/sh\nprintf '%s|%s' \"$#\" \"$1\" > '{output}'\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var url = new Uri("https://login.example.com/t/oauth2/v2.0/authorize?a=1&b=2;touch%20/tmp/x");

        await new SystemBrowserLauncher(script).OpenAsync(url, CancellationToken.None);

        for (var i = 0; i < 100 && !File.Exists(output); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }

        (await File.ReadAllTextAsync(output)).Should().Be($"1|{url.AbsoluteUri}");
        dir.Delete(recursive: true);
    }

    [Test]
    public async Task Open_MissingCommand_IsBrowserLaunchFailed()
    {
        var act = () => new SystemBrowserLauncher("/nonexistent/opener").OpenAsync(new Uri("https://example.com"), CancellationToken.None);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.BrowserLaunchFailed);
    }

    [Test]
    public async Task Open_NonHttpUrl_IsRefused()
    {
        var act = () => new SystemBrowserLauncher("/bin/true").OpenAsync(new Uri("file:///etc/passwd"), CancellationToken.None);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.BrowserLaunchFailed);
    }
}
