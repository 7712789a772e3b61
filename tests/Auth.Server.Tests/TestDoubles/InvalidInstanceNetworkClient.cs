using Auth.Common.Platform;

namespace Auth.Server.Tests.TestDoubles;

/// <summary>Answers instance discovery the way Entra does for an unknown host; refuses anything else.</summary>
internal sealed class InvalidInstanceNetworkClient : INetworkClient
{
    public Task<NetworkResponse> SendAsync(NetworkRequest request, CancellationToken cancellationToken = default) =>
        request.Uri.AbsolutePath == "/common/discovery/instance"
            ? Task.FromResult(new NetworkResponse { StatusCode = 400, Body = """{"error":"invalid_instance","error_description":"AADSTS50049: Unknown or invalid instance."}""" })
            : throw new InvalidOperationException("no token request expected");
}
