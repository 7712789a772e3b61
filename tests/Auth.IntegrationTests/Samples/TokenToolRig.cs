using Auth.Testing;

namespace Auth.IntegrationTests.Samples;

/// <summary>
/// What one test of the <c>auth-token</c> tool runs against: a FakeAuthority over http on loopback with the test's
/// public client, and a fresh work directory holding the tool's cache; both gone on dispose. Also compiled into Auth.BrowserTests.
/// </summary>
internal sealed class TokenToolRig : IDisposable
{
    public TokenToolRig(string clientId)
    {
        Fake = FakeAuthority.Start(new FakeAuthorityOptions { UseHttps = false });
        Fake.RegisterPublicClient(clientId);
        Work = Directory.CreateTempSubdirectory("auth-token-tests-");
        Target = ["--authority", Fake.Authority, "--client-id", clientId, "--cache-dir", CacheDirectory];
    }

    public FakeAuthority Fake { get; }

    public DirectoryInfo Work { get; }

    public string CacheDirectory => Path.Combine(Work.FullName, "cache");

    public string CacheFile => Path.Combine(CacheDirectory, "tokens.cache");

    /// <summary>The options that point the tool at this authority and cache.</summary>
    public string[] Target { get; }

    public void Dispose()
    {
        Fake.Dispose();
        Work.Delete(recursive: true);
    }
}
