using System.Diagnostics;

namespace Auth.IntegrationTests.Samples;

/// <summary>
/// samples/ManagedIdentity as its own process, with no configuration: it plays each source with the embedded
/// FakeManagedIdentityEndpoint and gets the first token from the endpoint, the second from the cache.
/// </summary>
[TestFixture]
public sealed class ManagedIdentitySampleTests
{
    /// <summary>Variables that would make the sample use a real host's endpoint instead of its fake.</summary>
    private static readonly string[] SourceVariables =
    [
        "IDENTITY_ENDPOINT", "IDENTITY_HEADER", "IDENTITY_SERVER_THUMBPRINT", "IMDS_ENDPOINT",
        "MSI_ENDPOINT", "MSI_SECRET", "DEFAULT_IDENTITY_CLIENT_ID", "AZURE_POD_IDENTITY_AUTHORITY_HOST",
    ];

    [TestCase("Imds")]
    [TestCase("AppService")]
    [TestCase("AzureArc")]
    [TestCase("CloudShell")]
    [TestCase("ServiceFabric")]
    [TestCase("MachineLearning")]
    public async Task ManagedIdentitySample_NoConfiguration_FirstFromEndpointThenFromCache(string source)
    {
        var (exitCode, output) = await RunAsync("--source", source);

        exitCode.Should().Be(0, output);
        output.Should().Contain($"Source: {source} (embedded FakeManagedIdentityEndpoint")
            .And.Contain("1st call: source=IdentityProvider, expires=")
            .And.Contain("2nd call: source=Cache, expires=");
        output.IndexOf("source=IdentityProvider", StringComparison.Ordinal).Should().BeLessThan(output.IndexOf("source=Cache", StringComparison.Ordinal));
    }

    [Test]
    public async Task ManagedIdentitySample_NoArguments_PlaysImds()
    {
        var (exitCode, output) = await RunAsync();

        exitCode.Should().Be(0, output);
        output.Should().Contain("Source: Imds (embedded").And.Contain("2nd call: source=Cache");
    }

    [Test]
    public async Task ManagedIdentitySample_IdentityTheSourceCannotName_FailsWithOneLineAndCode()
    {
        var (exitCode, output) = await RunAsync("--source", "CloudShell", "--identity", "ClientId:00000000-0000-0000-0000-0000000000c1");

        exitCode.Should().Be(1, output);
        output.Should().Contain("Managed identity failed: managed_identity_id_not_supported: The CloudShell managed identity source")
            .And.NotContain("1st call");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var dll = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "samples", "ManagedIdentity", "bin", "Release", "net10.0", "ManagedIdentity.dll"));
        if (!File.Exists(dll))
        {
            Assert.Fail($"{dll} is missing: build the solution in Release first (build/test.sh does).");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in SourceVariables)
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The sample did not exit within 60 s:\n{await output}{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }
}
