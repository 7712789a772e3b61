using System.Net;

namespace Auth.IntegrationTests.Samples;

/// <summary>
/// A browser for sample tests: keeps cookies and follows redirects itself (HttpClient refuses the
/// https→http hop from the fake authority back to the app). It trusts any certificate of a
/// loopback host, because the sample's embedded authority makes its own; never do this elsewhere.
/// Also compiled into Auth.Extensions.Tests (linked). Cookies are per host, not per port, so one
/// browser carries a session from one sample process on 127.0.0.1 to another.
/// </summary>
internal sealed class CookieBrowser : IDisposable
{
    private readonly HttpClient _client;

    public CookieBrowser() =>
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            UseProxy = false,
            SslOptions = { RemoteCertificateValidationCallback = (sender, _, _, _) => sender is not null },
        });

    public List<Uri> Visited { get; } = [];

    /// <summary>GETs <paramref name="url"/> and follows up to 10 redirects; returns the final page.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(Uri url)
    {
        for (var hop = 0; hop < 10; hop++)
        {
            if (!url.IsLoopback)
            {
                throw new InvalidOperationException($"The sample redirected off this machine: {url}");
            }

            Visited.Add(url);
            using var response = await _client.GetAsync(url);
            if (response.Headers.Location is not { } location)
            {
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }

            url = location.IsAbsoluteUri ? location : new Uri(url, location);
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    public void Dispose() => _client.Dispose();
}
