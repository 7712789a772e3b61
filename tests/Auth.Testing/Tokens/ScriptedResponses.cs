using System.Collections.Concurrent;
using System.Globalization;
using Auth.Testing.Errors;
using Auth.Testing.Http;

namespace Auth.Testing.Tokens;

/// <summary>The FIFO queue of scripted token answers; each is used by exactly one request.</summary>
internal sealed class ScriptedResponses
{
    private readonly ConcurrentQueue<FakeTokenResponse> _queue = new();

    public void Enqueue(FakeTokenResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        _queue.Enqueue(response);
    }

    public bool TryDequeue(out FakeTokenResponse response) => _queue.TryDequeue(out response!);

    /// <summary>The reply for a scripted answer that replaces the normal one (<see cref="FakeTokenResponse.StatusCode"/> set).</summary>
    public static HttpReply Render(FakeTokenResponse response, ErrorReplyWriter errors, string? clientRequestId)
    {
        var reply = response.AadError is { } error
            ? errors.Write(error, clientRequestId)
            : new HttpReply(response.StatusCode ?? 200, response.Body ?? string.Empty, response.ContentType);

        if (response.RetryAfter is { } retryAfter)
        {
            var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
            reply.WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            reply.WithHeader(name, value);
        }

        return reply;
    }
}
