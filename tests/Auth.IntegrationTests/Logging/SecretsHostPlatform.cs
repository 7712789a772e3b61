using Auth.Common.ManagedIdentity;
using Auth.Common.Platform;
using Auth.Server;
using Auth.Testing;

namespace Auth.IntegrationTests.Logging;

/// <summary>
/// The real <see cref="ManagedIdentityPlatform"/> over a fake endpoint's environment, except that it trusts the fake's
/// Azure Arc key directory instead of the agent's (<c>/var/opt/azcmagent/tokens/</c>), so the key files are read for real.
/// </summary>
internal sealed class SecretsHostPlatform(FakeManagedIdentityEndpoint endpoint) : IManagedIdentityPlatform
{
    private readonly ManagedIdentityPlatform _real = new(endpoint.EnvironmentVariables);

    public string? AzureArcKeyDirectory { get; } =
        endpoint.AzureArcKeyDirectory is { } directory ? Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar : null;

    public bool IsAzureArcAgentInstalled => false;

    public string? GetEnvironmentVariable(string name) => _real.GetEnvironmentVariable(name);

    public Task<byte[]> ReadAzureArcKeyAsync(string path, int maxBytes, CancellationToken cancellationToken) =>
        _real.ReadAzureArcKeyAsync(path, maxBytes, cancellationToken);

    public INetworkClient CreateServiceFabricNetworkClient(string thumbprint) => _real.CreateServiceFabricNetworkClient(thumbprint);
}
