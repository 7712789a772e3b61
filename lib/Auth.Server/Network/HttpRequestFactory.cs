using Auth.Common.Platform;

namespace Auth.Server.Network;

/// <summary>Builds the <see cref="HttpRequestMessage"/> for a <see cref="NetworkRequest"/> (headers come from the request; Common decides them).</summary>
internal static class HttpRequestFactory
{
    public static HttpRequestMessage Create(NetworkRequest request)
    {
        var message = new HttpRequestMessage(request.IsPost ? HttpMethod.Post : HttpMethod.Get, request.Uri);
        if (request.Form is { } form)
        {
            message.Content = new SingleUseFormContent(form, message);
        }

        message.Headers.TryAddWithoutValidation("Accept", "application/json");
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
