using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

/// <summary>Starts a fresh <see cref="FakeAuthority"/> and a client that trusts it for every test.</summary>
public abstract class FakeAuthorityFixture
{
    protected FakeAuthority Authority { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    protected virtual FakeAuthorityOptions Options => new();

    [SetUp]
    public void StartAuthority()
    {
        Authority = FakeAuthority.Start(Options);
        Http = Authority.CreateHttpClient();
    }

    [TearDown]
    public void StopAuthority()
    {
        Http.Dispose();
        Authority.Dispose();
    }
}
