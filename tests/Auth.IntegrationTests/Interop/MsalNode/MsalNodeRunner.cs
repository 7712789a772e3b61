using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Auth.IntegrationTests.Interop.MsalNode;

/// <summary>
/// The real msal-node (the version pinned in this folder's package.json and package-lock.json), installed with npm
/// into the test output folder on first use and kept there between runs, and run as <c>node msal-node-steps.mjs</c>.
/// Node.js and npm come from <c>build/ci-deps.sh</c>; when they are missing the test fails and says so.
/// </summary>
internal sealed class MsalNodeRunner
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StepsTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder;

    private MsalNodeRunner(string folder) => _folder = folder;

    /// <summary>Gets the msal-node version installed.</summary>
    public string Version { get; private init; } = string.Empty;

    /// <summary>Installs msal-node unless the pinned version is already there, and returns the runner.</summary>
    public static async Task<MsalNodeRunner> InstallAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Interop", "MsalNode");
        var pinned = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "package.json")))!["dependencies"]!["@azure/msal-node"]!.GetValue<string>();
        if (InstalledVersion(folder) != pinned)
        {
            var (exit, output) = await RunAsync(folder, "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], environment: null, InstallTimeout);
            if (exit != 0)
            {
                Assert.Fail($"npm ci in {folder} failed (exit {exit}): {output}");
            }
        }

        var installed = InstalledVersion(folder);
        if (installed != pinned)
        {
            Assert.Fail($"npm installed @azure/msal-node {installed ?? "nothing"} in {folder}, not the pinned {pinned}.");
        }

        return new MsalNodeRunner(folder) { Version = installed! };
    }

    /// <summary>Runs one msal-node job (see msal-node-steps.mjs) and returns one result object per step.</summary>
    /// <param name="job">The job: app, cacheFile, optional connectPort, steps.</param>
    /// <param name="trustedCertificatePem">A PEM file node trusts besides its own roots (the fake authority's certificate).</param>
    public async Task<IReadOnlyList<JsonObject>> RunAsync(JsonObject job, string trustedCertificatePem)
    {
        var jobFile = Path.Combine(Path.GetDirectoryName(trustedCertificatePem)!, $"job-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(jobFile, job.ToJsonString());
        var environment = new Dictionary<string, string> { ["NODE_EXTRA_CA_CERTS"] = trustedCertificatePem };
        var (exit, output) = await RunAsync(_folder, "node", ["msal-node-steps.mjs", jobFile], environment, StepsTimeout);
        if (exit != 0)
        {
            Assert.Fail($"node msal-node-steps.mjs failed (exit {exit}): {output}");
        }

        var results = JsonNode.Parse(output)!.AsArray().Select(r => r!.AsObject()).ToList();
        results.Should().HaveCount(job["steps"]!.AsArray().Count, output);
        return results;
    }

    private static string? InstalledVersion(string folder)
    {
        var manifest = Path.Combine(folder, "node_modules", "@azure", "msal-node", "package.json");
        return File.Exists(manifest) ? JsonNode.Parse(File.ReadAllText(manifest))!["version"]?.GetValue<string>() : null;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string folder, string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"'{program}' could not be started ({ex.Message}). The msal-node interop tests need Node.js 20+ and npm: run build/ci-deps.sh.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"'{program} {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds} s.");
            }

            var output = await stdout;
            var errors = await stderr;
            return (process.ExitCode, process.ExitCode == 0 ? output : $"{output}\n{errors}");
        }
    }
}
