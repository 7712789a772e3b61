using System.Collections.Concurrent;
using Auth.Common.Platform;

namespace Auth.IntegrationTests.Authorities;

/// <summary>An <see cref="INetworkClient"/> in front of the real one that records every request the library sent.</summary>
internal sealed class SentRequests : INetworkClient
{
    private readonly INetworkClient _inner;
    private readonly ConcurrentQueue<NetworkRequest> _sent = new();

    public SentRequests(INetworkClient inner) => _inner = inner;

    public IReadOnlyList<NetworkRequest> All => [.. _sent];

    /// <summary>The requests sent to <paramref name="host"/> (any port).</summary>
    public IReadOnlyList<NetworkRequest> To(string host) => [.. _sent.Where(r => string.Equals(r.Uri.Host, host, StringComparison.OrdinalIgnoreCase))];

    public Task<NetworkResponse> SendAsync(NetworkRequest request, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(request);
        return _inner.SendAsync(request, cancellationToken);
    }
}
