using System.Net.Http.Headers;
using Auth.Common.Platform;

namespace Auth.Server.Network;

/// <summary>Builds the <see cref="HttpRequestMessage"/> for a <see cref="NetworkRequest"/>: the one place protocol headers are set.</summary>
internal static class HttpRequestFactory
{
    public static HttpRequestMessage Create(NetworkRequest request, string version)
    {
        var message = new HttpRequestMessage(request.IsPost ? HttpMethod.Post : HttpMethod.Get, request.Uri);
        if (request.Form is { } form)
        {
            message.Content = new FormUrlEncodedContent(form);
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.TryAddWithoutValidation("x-client-SKU", "Auth.Server");
        message.Headers.TryAddWithoutValidation("x-client-VER", version);
        if (request.CorrelationId is { } correlationId)
        {
            message.Headers.TryAddWithoutValidation("client-request-id", correlationId.ToString());
            message.Headers.TryAddWithoutValidation("return-client-request-id", "true");
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public static Dictionary<string, string> ReadHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = string.Join(", ", values);
        }

        foreach (var (name, values) in response.Content.Headers)
        {
            headers[name] = string.Join(", ", values);
        }

        return headers;
    }
}
