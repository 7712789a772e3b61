using Auth.Common.ManagedIdentity;
using Auth.Common.Platform;
using Auth.Server.Network;

namespace Auth.Server;

/// <summary>
/// The real host for managed identity: the process's environment variables (or a given set), the Azure Arc agent's
/// install and key directory where the agent puts them (Linux <c>/opt/azcmagent/bin/himds</c> and
/// <c>/var/opt/azcmagent/tokens/</c>; Windows under Program Files and ProgramData), and Service Fabric's pinned HTTPS.
/// </summary>
public sealed class ManagedIdentityPlatform : IManagedIdentityPlatform
{
    private readonly IReadOnlyDictionary<string, string>? _environment;

    /// <summary>Creates the platform.</summary>
    /// <param name="environmentVariables">
    /// The environment to read instead of the process's (for example the variables a <c>FakeManagedIdentityEndpoint</c>
    /// gives, in a test); null reads the process's own.
    /// </param>
    public ManagedIdentityPlatform(IReadOnlyDictionary<string, string>? environmentVariables = null) => _environment = environmentVariables;

    /// <inheritdoc/>
    public string? AzureArcKeyDirectory =>
        OperatingSystem.IsLinux() ? "/var/opt/azcmagent/tokens/"
        : OperatingSystem.IsWindows() ? Environment.ExpandEnvironmentVariables(@"%ProgramData%\AzureConnectedMachineAgent\Tokens\")
        : null;

    /// <inheritdoc/>
    public bool IsAzureArcAgentInstalled =>
        OperatingSystem.IsLinux() ? File.Exists("/opt/azcmagent/bin/himds")
        : OperatingSystem.IsWindows() && File.Exists(Environment.ExpandEnvironmentVariables(@"%ProgramFiles%\AzureConnectedMachineAgent\himds.exe"));

    /// <inheritdoc/>
    public string? GetEnvironmentVariable(string name) =>
        _environment is null ? Environment.GetEnvironmentVariable(name) : _environment.GetValueOrDefault(name);

    /// <inheritdoc/>
    public async Task<byte[]> ReadAzureArcKeyAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (new FileInfo(path).LinkTarget is not null)
        {
            throw new IOException("The key file is a link; only a regular file written by the Arc agent is read.");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[maxBytes];
            var read = 0;
            while (read < maxBytes)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return buffer[..read];
        }
    }

    /// <inheritdoc/>
    public INetworkClient CreateServiceFabricNetworkClient(string thumbprint) => PinnedCertificateNetworkClient.Create(thumbprint);
}
