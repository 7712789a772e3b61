using Auth.Common.ManagedIdentity;
using Auth.Common.Platform;
using Auth.Server;
using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

/// <summary>
/// The real <see cref="ManagedIdentityPlatform"/> over a fake endpoint's environment, trusting the fake's Azure Arc key
/// directory instead of /var/opt/azcmagent/tokens/ (which the real platform's own test pins). Everything else is real:
/// the file reads, Service Fabric's pinned HTTPS.
/// </summary>
internal sealed class FakeHostPlatform : IManagedIdentityPlatform
{
    private readonly ManagedIdentityPlatform _real;
    private readonly string? _arcKeys;

    public FakeHostPlatform(FakeManagedIdentityEndpoint endpoint, IReadOnlyDictionary<string, string>? environment = null)
    {
        _real = new ManagedIdentityPlatform(environment ?? endpoint.EnvironmentVariables);
        _arcKeys = endpoint.AzureArcKeyDirectory is { } directory ? directory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar : null;
    }

    public string? AzureArcKeyDirectory => _arcKeys ?? _real.AzureArcKeyDirectory;

    public bool IsAzureArcAgentInstalled => false;

    public string? GetEnvironmentVariable(string name) => _real.GetEnvironmentVariable(name);

    public Task<byte[]> ReadAzureArcKeyAsync(string path, int maxBytes, CancellationToken cancellationToken) => _real.ReadAzureArcKeyAsync(path, maxBytes, cancellationToken);

    public INetworkClient CreateServiceFabricNetworkClient(string thumbprint) => _real.CreateServiceFabricNetworkClient(thumbprint);
}
