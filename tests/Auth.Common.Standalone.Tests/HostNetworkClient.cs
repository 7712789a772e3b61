using Auth.Common.Errors;
using Auth.Common.Platform;

namespace Auth.Common.Standalone.Tests;

/// <summary>This host's own <see cref="INetworkClient"/>: a plain HttpClient, written here, not Auth.Server's adapter.</summary>
internal sealed class HostNetworkClient : INetworkClient
{
    private readonly HttpClient _http;

    public HostNetworkClient(HttpClient http) => _http = http;

    public int Sent { get; private set; }

    public async Task<NetworkResponse> SendAsync(NetworkRequest request, CancellationToken cancellationToken = default)
    {
        Sent++;
        using var message = new HttpRequestMessage(request.IsPost ? HttpMethod.Post : HttpMethod.Get, request.Uri);
        if (request.Form is { } form)
        {
            message.Content = new FormUrlEncodedContent(form);
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                headers[name] = string.Join(", ", values);
            }

            return new NetworkResponse
            {
                StatusCode = (int)response.StatusCode,
                Headers = headers,
                Body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false),
            };
        }
        catch (HttpRequestException ex)
        {
            throw new AuthClientException(AuthErrorCodes.NetworkError, "The host's network failed.", ex) { CorrelationId = request.CorrelationId };
        }
    }
}
