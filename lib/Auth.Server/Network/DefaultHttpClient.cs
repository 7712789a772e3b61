namespace Auth.Server.Network;

/// <summary>
/// The process-wide <see cref="HttpClient"/> used when the app supplies neither a client nor a
/// factory: one connection pool, DNS changes picked up every 5 minutes, redirects not followed
/// (a token endpoint that redirects is an error, not a hop). Created once and never mutated.
/// </summary>
internal static class DefaultHttpClient
{
    private static readonly Lazy<HttpClient> Shared = new(() => new HttpClient(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });

    public static HttpClient Instance => Shared.Value;
}
