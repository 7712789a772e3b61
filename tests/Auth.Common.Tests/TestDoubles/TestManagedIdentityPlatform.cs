using Auth.Common.ManagedIdentity;
using Auth.Common.Platform;

namespace Auth.Common.Tests.TestDoubles;

/// <summary>A host for managed identity tests: given variables, a key directory of the test's choosing, files read for real.</summary>
public sealed class TestManagedIdentityPlatform : IManagedIdentityPlatform
{
    private readonly Dictionary<string, string> _environment;

    public TestManagedIdentityPlatform(Dictionary<string, string> environment, string? keyDirectory = null, INetworkClient? serviceFabric = null)
    {
        _environment = environment;
        AzureArcKeyDirectory = keyDirectory;
        ServiceFabric = serviceFabric;
    }

    public string? AzureArcKeyDirectory { get; }

    public bool IsAzureArcAgentInstalled { get; init; }

    public INetworkClient? ServiceFabric { get; }

    public List<string> ThumbprintsPinned { get; } = [];

    public string? GetEnvironmentVariable(string name) => _environment.GetValueOrDefault(name);

    public async Task<byte[]> ReadAzureArcKeyAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return bytes.Length > maxBytes ? bytes[..maxBytes] : bytes;
    }

    public INetworkClient CreateServiceFabricNetworkClient(string thumbprint)
    {
        ThumbprintsPinned.Add(thumbprint);
        return ServiceFabric ?? throw new InvalidOperationException("no Service Fabric client given");
    }
}
