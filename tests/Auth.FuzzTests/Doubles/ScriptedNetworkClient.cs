using Auth.Common.Platform;

namespace Auth.FuzzTests.Doubles;

/// <summary>An <see cref="INetworkClient"/> that answers every request with one fuzzed response.</summary>
internal sealed class ScriptedNetworkClient : INetworkClient
{
    private readonly NetworkResponse _response;

    public ScriptedNetworkClient(NetworkResponse response) => _response = response;

    public Task<NetworkResponse> SendAsync(NetworkRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(_response);
}
