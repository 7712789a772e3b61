namespace Auth.Common.Platform;

/// <summary>
/// Sends one HTTP request to an authority and returns its answer. Implementations enforce a
/// timeout and a response size limit and map transport failures to
/// <see cref="Errors.AuthClientException"/>; they never throw for an HTTP error status.
/// </summary>
public interface INetworkClient
{
    /// <summary>Sends <paramref name="request"/> and returns the authority's answer.</summary>
    /// <param name="request">The request to send.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status, headers and body of the answer.</returns>
    Task<NetworkResponse> SendAsync(NetworkRequest request, CancellationToken cancellationToken = default);
}
