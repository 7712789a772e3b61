
namespace Auth.Common.Platform;

/// <summary>A bound loopback port waiting for one redirect. Disposing it stops listening and frees the port.</summary>
public interface ILoopbackSession : IAsyncDisposable
{
    /// <summary>Gets the redirect URI to send in the authorization request, <c>http://127.0.0.1:{port}/</c>.</summary>
    Uri RedirectUri { get; }

    /// <summary>
    /// Waits for the redirect on the redirect URI's path that carries <paramref name="expectedState"/>,
    /// answers it with one of <paramref name="pages"/>, and returns its parameters. Requests on other
    /// paths or with another state are answered 404 or 400 and do not end the wait.
    /// </summary>
    /// <param name="expectedState">The state sent in the authorization request.</param>
    /// <param name="pages">The pages to answer with.</param>
    /// <param name="cancellationToken">Ends the wait (timeout or the app's cancellation).</param>
    /// <returns>The redirect's parameters.</returns>
    Task<AuthorizationResponse> WaitForResponseAsync(string expectedState, LoopbackPages pages, CancellationToken cancellationToken);
}
