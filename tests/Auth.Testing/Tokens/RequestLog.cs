using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Auth.Testing.Tokens;

/// <summary>Thread-safe counters (discovery, instance discovery, authorize, token requests by grant type) and a bounded capture of token requests.</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentDictionary<string, StrongBox<int>> _tokenCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeTokenRequest> _captured = new();
    private readonly int _maxCaptured;
    private int _discoveryCount;
    private int _authorizeCount;
    private int _instanceDiscoveryCount;

    public RequestLog(int maxCaptured)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCaptured);
        _maxCaptured = maxCaptured;
    }

    public int DiscoveryCount => Volatile.Read(ref _discoveryCount);

    public int AuthorizeCount => Volatile.Read(ref _authorizeCount);

    public int InstanceDiscoveryCount => Volatile.Read(ref _instanceDiscoveryCount);

    public IReadOnlyList<FakeTokenRequest> TokenRequests => _captured.ToArray();

    public void RecordDiscovery() => Interlocked.Increment(ref _discoveryCount);

    public void RecordAuthorize() => Interlocked.Increment(ref _authorizeCount);

    public void RecordInstanceDiscovery() => Interlocked.Increment(ref _instanceDiscoveryCount);

    public void RecordToken(FakeTokenRequest request)
    {
        var counter = _tokenCounts.GetOrAdd(request.GrantType, static _ => new StrongBox<int>());
        Interlocked.Increment(ref counter.Value);

        _captured.Enqueue(request);
        while (_captured.Count > _maxCaptured && _captured.TryDequeue(out _))
        {
        }
    }

    public int TokenCount(string grantType) =>
        _tokenCounts.TryGetValue(grantType, out var counter) ? Volatile.Read(ref counter.Value) : 0;
}
