using System.Collections.Concurrent;

namespace Auth.Server.Tests.TestDoubles;

/// <summary>An in-memory <see cref="HttpMessageHandler"/> that records requests and answers from a callback.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> _answer;

    public StubHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> answer) => _answer = answer;

    public StubHandler(Func<HttpRequestMessage, int, HttpResponseMessage> answer)
        : this((r, n, _) => Task.FromResult(answer(r, n)))
    {
    }

    public ConcurrentQueue<(HttpRequestMessage Request, string? Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request, body));
        return await _answer(request, Requests.Count, cancellationToken);
    }
}
