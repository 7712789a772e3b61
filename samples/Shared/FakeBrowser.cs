using Auth.Testing;

namespace Samples;

/// <summary>
/// Plays the user's browser against the embedded FakeAuthority: opens the authorization URL,
/// which signs in the fake's default user, and follows its redirect to the app's loopback listener.
/// </summary>
internal static class FakeBrowser
{
    public static async Task OpenAsync(FakeAuthority fake, Uri url, CancellationToken cancellationToken)
    {
        Console.WriteLine($"(fake browser) GET {url.GetLeftPart(UriPartial.Path)}");
        using var authority = fake.CreateHttpClient();
        using var response = await authority.GetAsync(url, cancellationToken);
        var location = response.Headers.Location
            ?? throw new InvalidOperationException($"The authorize endpoint answered {(int)response.StatusCode} without a redirect.");

        using var loopback = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
        Console.WriteLine($"(fake browser) redirected to {location.GetLeftPart(UriPartial.Path)}");
        var page = await loopback.GetStringAsync(location, cancellationToken);
        Console.WriteLine($"(fake browser) the app answered: {System.Text.RegularExpressions.Regex.Replace(page, "<[^>]+>", " ").Trim()}");
    }
}
