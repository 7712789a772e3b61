using System.Diagnostics;
using Auth.Common.Requests;
using Auth.Extensions.Persistence;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.Extensions.StressWorker;

/// <summary>Writes distinct app tokens (one scope each) through the persisted cache, all at once.</summary>
internal static class TokenWriter
{
    public const string TenantId = "0b4c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d";
    public const string ClientId = "stress-app";

    public static async Task<int> RunAsync(string cacheFile, string workerId, int count)
    {
        var key = Convert.FromBase64String(Environment.GetEnvironmentVariable("AUTH_TEST_KEY") ?? throw new InvalidOperationException("AUTH_TEST_KEY is not set."));
        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { TenantId = TenantId });
        fake.RegisterClient(ClientId, "secret");
        var plugin = new PersistentTokenCachePlugin(
            new EncryptedFilePersistence(cacheFile, new ExplicitKeyStore(key)),
            // The stress tests check integrity (nothing lost, the file always valid), not latency: on a loaded 2-core machine
            // eight workers queueing for one lock can wait longer than the 30 s default without anything being stuck.
            new PersistentTokenCacheOptions { LockFilePath = cacheFile + ".lock", LockTimeout = TimeSpan.FromMinutes(3) });
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = fake.Authority,
            ClientCredential = ClientCredential.FromSecret("secret"),
            CachePlugin = plugin,
            NetworkClient = new HttpClientNetworkClient(fake.CreateHttpClient()),
        });

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = [$"api://w{workerId}-{i}/.default"] })));
        Console.WriteLine($"done {count} in {watch.ElapsedMilliseconds} ms");
        return 0;
    }
}
