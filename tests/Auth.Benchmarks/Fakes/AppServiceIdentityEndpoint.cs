using System.Globalization;
using System.Net;
using System.Text;

namespace Auth.Benchmarks.Fakes;

/// <summary>
/// In-process App Service managed identity endpoint (no sockets): answers a GET carrying <c>X-IDENTITY-HEADER</c> with
/// a token for the <c>resource</c> asked for, expiring in 24 hours (<c>expires_on</c> as a string of Unix seconds, as
/// App Service sends it). Counts the requests that reach it.
/// </summary>
public sealed class AppServiceIdentityEndpoint : HttpMessageHandler
{
    /// <summary>The <c>IDENTITY_ENDPOINT</c> both libraries are given; nothing listens there.</summary>
    public const string Endpoint = "http://127.0.0.1:41999/msi/token";

    /// <summary>The <c>IDENTITY_HEADER</c> secret both libraries are given.</summary>
    public const string Secret = "bench-identity-header";

    private int _requests;

    /// <summary>Gets the App Service environment: <c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c>.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["IDENTITY_ENDPOINT"] = Endpoint,
        ["IDENTITY_HEADER"] = Secret,
    };

    /// <summary>Gets the number of requests that reached the endpoint.</summary>
    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var query = request.RequestUri!.Query;
        var resourceAt = query.IndexOf("resource=", StringComparison.Ordinal);
        if (request.Method != HttpMethod.Get
            || request.RequestUri.GetLeftPart(UriPartial.Path) != Endpoint
            || !request.Headers.TryGetValues("X-IDENTITY-HEADER", out var secret) || secret.Single() != Secret
            || resourceAt < 0)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { RequestMessage = request });
        }

        var resource = Uri.UnescapeDataString(query[(resourceAt + "resource=".Length)..].Split('&')[0]);
        var expiresOn = TimeProvider.System.GetUtcNow().AddHours(24).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(
            $$"""{"access_token":"mi-token-eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiJhcGkifQ.c2ln","expires_on":"{{expiresOn}}","resource":"{{resource}}","token_type":"Bearer"}""");
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
