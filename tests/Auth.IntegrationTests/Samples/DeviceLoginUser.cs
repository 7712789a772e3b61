using System.Net;

namespace Auth.IntegrationTests.Samples;

/// <summary>Plays the user at the FakeAuthority's device sign-in page over HTTP: opens the page, enters the code, signs in.</summary>
internal static class DeviceLoginUser
{
    public static async Task ApproveAsync(Uri page, string userCode, string username = "ada@contoso.com", string password = "P@ssw0rd!")
    {
        using var browser = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var form = await browser.GetStringAsync(page);
        form.Should().Contain("<title>Enter code</title>").And.Contain("name=\"code\"");

        using var posted = await browser.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = userCode,
            ["username"] = username,
            ["password"] = password,
        }));
        var result = await posted.Content.ReadAsStringAsync();

        posted.StatusCode.Should().Be(HttpStatusCode.OK, result);
        result.Should().Contain("You are signed in");
    }
}
