using System.Collections.Concurrent;

namespace Auth.Testing.ManagedIdentity;

/// <summary>The requests an endpoint saw (the most recent 10,000) and how many tokens it issued.</summary>
internal sealed class MiRequestLog
{
    private const int MaxCaptured = 10_000;

    private readonly ConcurrentQueue<FakeManagedIdentityRequest> _requests = new();
    private int _tokensIssued;

    public IReadOnlyList<FakeManagedIdentityRequest> Requests => _requests.ToArray();

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public void Record(FakeManagedIdentityRequest request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > MaxCaptured && _requests.TryDequeue(out _))
        {
        }
    }

    public void CountToken() => Interlocked.Increment(ref _tokensIssued);
}
