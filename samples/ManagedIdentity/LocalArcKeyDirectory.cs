using Auth.Common.ManagedIdentity;
using Auth.Common.Platform;

namespace Samples;

/// <summary>
/// For the local fake only. The real platform answers Azure Arc's challenge only with a key file in the directory the
/// Arc agent writes them to (/var/opt/azcmagent/tokens/ on Linux), while the embedded FakeManagedIdentityEndpoint writes
/// its keys into a temporary directory: this wrapper trusts that directory instead, and passes everything else to the
/// real platform. Never use it on a real host: the directory check is what stops another local process, answering on the
/// identity endpoint, from having any file the app can read sent to it.
/// </summary>
internal sealed class LocalArcKeyDirectory : IManagedIdentityPlatform
{
    private readonly IManagedIdentityPlatform _inner;

    public LocalArcKeyDirectory(IManagedIdentityPlatform inner, string keyDirectory)
    {
        _inner = inner;
        AzureArcKeyDirectory = Path.TrimEndingDirectorySeparator(keyDirectory) + Path.DirectorySeparatorChar;
    }

    public string? AzureArcKeyDirectory { get; }

    public bool IsAzureArcAgentInstalled => _inner.IsAzureArcAgentInstalled;

    public string? GetEnvironmentVariable(string name) => _inner.GetEnvironmentVariable(name);

    public Task<byte[]> ReadAzureArcKeyAsync(string path, int maxBytes, CancellationToken cancellationToken) =>
        _inner.ReadAzureArcKeyAsync(path, maxBytes, cancellationToken);

    public INetworkClient CreateServiceFabricNetworkClient(string thumbprint) => _inner.CreateServiceFabricNetworkClient(thumbprint);
}
