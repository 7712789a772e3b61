using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Auth.Common.Requests;
using Auth.Extensions.Persistence;
using Auth.Extensions.Tests.TestDoubles;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.Extensions.Tests.Persistence;

/// <summary>
/// Several processes (tests/Auth.Extensions.StressWorker) write tokens of one cache partition
/// through the encrypted persisted cache at once; nothing may be lost and the file must be a
/// complete encrypted JSON cache whenever it is read.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class MultiProcessStressTests
{
    // The workers' tenant and client (tests/Auth.Extensions.StressWorker/TokenWriter.cs).
    private const string TenantId = "0b4c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d";
    private const string ClientId = "stress-app";

    [Test]
    public async Task EightProcesses_FiftyTokensEach_AllFourHundredKeptAndFileAlwaysValid()
    {
        using var dir = new TempDirectory();
        var key = RandomNumberGenerator.GetBytes(32);
        var watch = Stopwatch.StartNew();
        using var sampler = new CacheSampler(dir.CacheFile, key);

        var outputs = await RunWorkersAsync(dir.CacheFile, key, workers: 8, tokensEach: 50);
        await sampler.DisposeAsync();

        TestContext.Out.WriteLine($"8 x 50 tokens: {watch.ElapsedMilliseconds} ms in all, {sampler.Samples} reads sampled; {string.Join("; ", outputs)}");
        EncryptedCacheFile.Count(EncryptedCacheFile.Read(dir.CacheFile, key), "AccessToken").Should().Be(400);
        sampler.Samples.Should().BePositive();
        sampler.Failures.Should().BeEmpty();
    }

    [Test]
    public async Task TwoHundredTasksAndThreeProcesses_SameCache_NoTimeoutNoLostToken()
    {
        using var dir = new TempDirectory();
        var key = RandomNumberGenerator.GetBytes(32);
        using var logs = new CapturingLoggerFactory();
        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { TenantId = TenantId });
        fake.RegisterClient(ClientId, "secret");
        var app = App(fake, dir, key, logs);
        var watch = Stopwatch.StartNew();

        var workers = RunWorkersAsync(dir.CacheFile, key, workers: 3, tokensEach: 50);
        var local = Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = [$"api://local-{i}/.default"] }))));
        await Task.WhenAll(workers, local);

        var locks = logs.Entries.Where(e => e.EventId == 3123).Select(e => LockTaken().Match(e.Message)).ToList();
        TestContext.Out.WriteLine(
            $"200 tasks + 3 x 50 tokens: {watch.ElapsedMilliseconds} ms; this process took the lock {locks.Count} times, " +
            $"at most {locks.Max(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))} attempts and {locks.Max(m => TimeSpan.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))} wait; {string.Join("; ", await workers)}");
        EncryptedCacheFile.Count(EncryptedCacheFile.Read(dir.CacheFile, key), "AccessToken").Should().Be(350);
        logs.Entries.Should().NotContain(e => e.EventId == 3124);
    }

    private static ConfidentialClientApplication App(FakeAuthority fake, TempDirectory dir, byte[] key, CapturingLoggerFactory logs) => new(new ConfidentialClientOptions
    {
        ClientId = ClientId,
        Authority = fake.Authority,
        ClientCredential = ClientCredential.FromSecret("secret"),
        CachePlugin = new PersistentTokenCachePlugin(
            new EncryptedFilePersistence(dir.CacheFile, new ExplicitKeyStore(key), logs),
            new PersistentTokenCacheOptions { LockFilePath = dir.LockFile },
            logs),
        NetworkClient = new HttpClientNetworkClient(fake.CreateHttpClient()),
    });

    private static async Task<string[]> RunWorkersAsync(string cacheFile, byte[] key, int workers, int tokensEach)
    {
        var environment = new Dictionary<string, string?> { ["AUTH_TEST_KEY"] = Convert.ToBase64String(key) };
        var processes = Enumerable.Range(0, workers)
            .Select(i => WorkerProcess.Start(environment, "write", cacheFile, i.ToString(CultureInfo.InvariantCulture), tokensEach.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        try
        {
            return (await Task.WhenAll(processes.Select(p => p.WaitForExitAsync()))).Select(o => o.Trim()).ToArray();
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }
    }

    [GeneratedRegex(@"after (\d+) attempts and ([0-9:.]+)")]
    private static partial Regex LockTaken();
}
