using Auth.Common.Platform;

namespace Auth.Server.Tests.TestDoubles;

/// <summary>A network client for tests that must not reach the network.</summary>
internal sealed class ThrowingNetworkClient : INetworkClient
{
    public Task<NetworkResponse> SendAsync(NetworkRequest request, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("no network call expected");
}
