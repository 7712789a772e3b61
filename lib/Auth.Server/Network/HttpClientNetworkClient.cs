using System.Net;
using Auth.Common.Errors;
using Auth.Common.Platform;

namespace Auth.Server.Network;

/// <summary>
/// <see cref="INetworkClient"/> over <see cref="HttpClient"/>: a per-attempt timeout, a response
/// size limit, the request's headers as given (no retries: the pipeline in Auth.Common owns them), and transport failures mapped to
/// <see cref="AuthClientException"/>.
/// <para>
/// Redirects are never followed, whatever client the app supplies. The library's own handlers do not
/// follow them (<c>AllowAutoRedirect = false</c>). A handler that does (the default of a plain
/// <see cref="HttpClient"/> or of an <see cref="IHttpClientFactory"/> client the app configured) never
/// gets to re-send a POST body: the body refuses to be sent a second time or to another URI (so a
/// 307/308 target receives no secret, code, refresh token or assertion), and any answer that came
/// from another URI than the one requested (a 301/302/303 the handler turned into a GET) is refused.
/// Both end in <see cref="AuthErrorCodes.RedirectRefused"/>.
/// </para>
/// </summary>
public sealed class HttpClientNetworkClient : INetworkClient
{
    /// <summary>The name used with <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "Auth.Server";

    private readonly Func<HttpClient> _client;
    private readonly HttpClientNetworkClientOptions _options;

    /// <summary>Uses <paramref name="httpClient"/> with default limits.</summary>
    /// <param name="httpClient">The client to send with.</param>
    public HttpClientNetworkClient(HttpClient httpClient)
        : this(httpClient, new HttpClientNetworkClientOptions())
    {
    }

    /// <summary>Takes a client named <see cref="HttpClientName"/> from <paramref name="factory"/>, with default limits.</summary>
    /// <param name="factory">The factory.</param>
    public HttpClientNetworkClient(IHttpClientFactory factory)
        : this(factory, new HttpClientNetworkClientOptions())
    {
    }

    /// <summary>Uses <paramref name="httpClient"/> (its handler decides proxies, certificates and redirects).</summary>
    /// <param name="httpClient">The client to send with.</param>
    /// <param name="options">Limits; defaults when null.</param>
    public HttpClientNetworkClient(HttpClient httpClient, HttpClientNetworkClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _client = () => httpClient;
        _options = options ?? new HttpClientNetworkClientOptions();
    }

    /// <summary>Takes a client named <see cref="HttpClientName"/> from <paramref name="factory"/> for each request.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="options">Limits; defaults when null.</param>
    public HttpClientNetworkClient(IHttpClientFactory factory, HttpClientNetworkClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _client = () => factory.CreateClient(HttpClientName);
        _options = options ?? new HttpClientNetworkClientOptions();
    }

    /// <inheritdoc/>
    public async Task<NetworkResponse> SendAsync(NetworkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _options.TimeProvider);
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token) : null;
        var token = linked?.Token ?? timeout.Token;
        using var message = HttpRequestFactory.Create(request);
        var sentTo = message.RequestUri!;
        try
        {
            using var response = await _client()
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token)
                .ConfigureAwait(false);
            if (response.RequestMessage?.RequestUri is { } answeredFrom && answeredFrom != sentTo)
            {
                throw RedirectRefused(request, answeredFrom);
            }

            var body = await BoundedBodyReader.ReadAsync(response.Content, _options.MaxResponseBytes, token).ConfigureAwait(false);
            return new NetworkResponse
            {
                StatusCode = (int)response.StatusCode,
                Headers = HttpRequestFactory.ReadHeaders(response),
                Body = body,
            };
        }
        catch (Exception ex) when (Resend(ex) is { } refused)
        {
            throw RedirectRefused(request, refused.Target, ex);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AuthClientException(
                AuthErrorCodes.RequestTimeout,
                $"{request} got no answer within {_options.RequestTimeout.TotalSeconds:0.#} s. Retry later, or raise RequestTimeout.")
            {
                CorrelationId = request.CorrelationId,
            };
        }
        catch (IOException ex)
        {
            throw NetworkError(request, "the connection broke while the answer was read", ex);
        }
        catch (HttpRequestException ex)
        {
            throw NetworkError(request, Describe(ex), ex);
        }
    }

    private static RefusedResendException? Resend(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is RefusedResendException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static AuthClientException RedirectRefused(NetworkRequest request, Uri? target, Exception? inner = null) =>
        new(
            AuthErrorCodes.RedirectRefused,
            $"{request} was redirected{(target is null ? string.Empty : $" to {target.GetLeftPart(UriPartial.Authority)}")}, and redirects are never followed: the request was not sent there again. "
                + "Check the authority URL; if the app supplies the HttpClient, give it a handler with AllowAutoRedirect = false.",
            inner)
        {
            CorrelationId = request.CorrelationId,
        };

    private static AuthClientException NetworkError(NetworkRequest request, string detail, Exception inner) =>
        new(
            AuthErrorCodes.NetworkError,
            $"{request} failed before a complete answer arrived ({detail}). Check the authority URL, DNS, proxy and TLS trust; retry later.",
            inner)
        {
            CorrelationId = request.CorrelationId,
        };

    private static string Describe(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name did not resolve",
        HttpRequestError.ConnectionError => "the connection was refused or reset",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed; is the server certificate trusted?",
        HttpRequestError.ProxyTunnelError => "the proxy refused the tunnel",
        HttpRequestError.ResponseEnded => "the connection closed mid-answer",
        _ => ex.StatusCode is HttpStatusCode code ? $"HTTP {(int)code}" : "transport error",
    };
}
