using Auth.Server;

namespace Auth.Server.Tests.ManagedIdentity;

/// <summary>The real host's file reads for Azure Arc's key: bounded, links refused, real files.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ManagedIdentityPlatformTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mi-platform-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task ReadsAtMostTheBound()
    {
        var path = Path.Join(_directory, "big.key");
        await File.WriteAllTextAsync(path, new string('k', 10_000));

        var bytes = await new ManagedIdentityPlatform().ReadAzureArcKeyAsync(path, 4097, CancellationToken.None);

        bytes.Should().HaveCount(4097);
    }

    [Test]
    public async Task ReadsASmallKeyWhole()
    {
        var path = Path.Join(_directory, "a.key");
        await File.WriteAllTextAsync(path, "the-key");

        var bytes = await new ManagedIdentityPlatform().ReadAzureArcKeyAsync(path, 4097, CancellationToken.None);

        System.Text.Encoding.UTF8.GetString(bytes).Should().Be("the-key");
    }

    [Test]
    public async Task RefusesALink()
    {
        var target = Path.Join(_directory, "target");
        await File.WriteAllTextAsync(target, "not a key");
        var link = Path.Join(_directory, "link.key");
        File.CreateSymbolicLink(link, target);

        var act = () => new ManagedIdentityPlatform().ReadAzureArcKeyAsync(link, 4097, CancellationToken.None);

        await act.Should().ThrowAsync<IOException>();
    }

    [Test]
    public void Environment_IsTheGivenSet_OrTheProcesses()
    {
        new ManagedIdentityPlatform(new Dictionary<string, string> { ["IDENTITY_ENDPOINT"] = "http://x" }).GetEnvironmentVariable("IDENTITY_ENDPOINT").Should().Be("http://x");
        new ManagedIdentityPlatform(new Dictionary<string, string>()).GetEnvironmentVariable("PATH").Should().BeNull();
        new ManagedIdentityPlatform().GetEnvironmentVariable("PATH").Should().Be(Environment.GetEnvironmentVariable("PATH"));
    }

    [Test]
    public void ArcKeyDirectory_IsWhereTheAgentKeepsKeys() =>
        new ManagedIdentityPlatform().AzureArcKeyDirectory.Should().Be(OperatingSystem.IsLinux() ? "/var/opt/azcmagent/tokens/" : new ManagedIdentityPlatform().AzureArcKeyDirectory);
}
