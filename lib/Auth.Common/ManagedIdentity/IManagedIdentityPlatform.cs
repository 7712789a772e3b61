using Auth.Common.Platform;

namespace Auth.Common.ManagedIdentity;

/// <summary>
/// What managed identity needs from the host beyond HTTP: its environment variables, the Azure Arc agent's files, and
/// an HTTPS client pinned to Service Fabric's certificate. Auth.Server's <c>ManagedIdentityPlatform</c> is the real one;
/// a test can supply its own to play a host.
/// </summary>
public interface IManagedIdentityPlatform
{
    /// <summary>Gets the directory the Azure Arc agent keeps its key files in on this OS (with a trailing separator), or null where Arc does not run.</summary>
    string? AzureArcKeyDirectory { get; }

    /// <summary>Gets whether the Azure Arc agent (himds) is installed here, which names Arc as the source when its variables are not set.</summary>
    bool IsAzureArcAgentInstalled { get; }

    /// <summary>Returns an environment variable, or null when it is not set.</summary>
    /// <param name="name">The variable's name.</param>
    /// <returns>Its value.</returns>
    string? GetEnvironmentVariable(string name);

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> bytes of an Azure Arc key file, which the caller has checked lies in
    /// <see cref="AzureArcKeyDirectory"/> with a <c>.key</c> extension. The file must be a regular file, not a link.
    /// </summary>
    /// <param name="path">The file's full path.</param>
    /// <param name="maxBytes">How many bytes to read at most (a longer file returns this many, so the caller sees it is too long).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bytes read.</returns>
    /// <exception cref="IOException">The file cannot be read, or is a link.</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not read the file.</exception>
    Task<byte[]> ReadAzureArcKeyAsync(string path, int maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Returns a network client for Service Fabric's identity endpoint that accepts the server only when its certificate's
    /// SHA-1 thumbprint is <paramref name="thumbprint"/> (the machine's trust store is not consulted), and that reports a
    /// refused certificate as <see cref="Errors.AuthErrorCodes.ManagedIdentityCertificateMismatch"/>.
    /// </summary>
    /// <param name="thumbprint">The thumbprint from <c>IDENTITY_SERVER_THUMBPRINT</c> (hex, any case).</param>
    /// <returns>The client.</returns>
    INetworkClient CreateServiceFabricNetworkClient(string thumbprint);
}
