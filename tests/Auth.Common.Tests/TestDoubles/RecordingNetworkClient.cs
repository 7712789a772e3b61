using System.Collections.Concurrent;
using Auth.Common.Platform;

namespace Auth.Common.Tests.TestDoubles;

/// <summary>An in-memory <see cref="INetworkClient"/> that records requests and answers from a callback.</summary>
public sealed class RecordingNetworkClient : INetworkClient
{
    private readonly Func<NetworkRequest, Task<NetworkResponse>> _answer;

    public RecordingNetworkClient(Func<NetworkRequest, NetworkResponse> answer)
        : this(r => Task.FromResult(answer(r)))
    {
    }

    public RecordingNetworkClient(Func<NetworkRequest, Task<NetworkResponse>> answer) => _answer = answer;

    public ConcurrentQueue<NetworkRequest> Requests { get; } = new();

    public int Count(string pathEnd) => Requests.Count(r => r.Uri.AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal));

    public Task<NetworkResponse> SendAsync(NetworkRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(request);
        return _answer(request);
    }

    public static NetworkResponse Json(int status, string body, params (string Name, string Value)[] headers) => new()
    {
        StatusCode = status,
        Body = body,
        Headers = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase),
    };
}
