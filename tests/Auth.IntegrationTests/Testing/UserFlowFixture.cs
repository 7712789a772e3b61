using Auth.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Testing;

/// <summary>A fresh authority over HTTP on a <see cref="FakeTimeProvider"/>, with the public client <see cref="ClientId"/> registered.</summary>
public abstract class UserFlowFixture : FakeAuthorityFixture
{
    protected const string ClientId = "public-app";

    /// <summary>The authority's clock (one per fixture; tests advance it relative to its current time).</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero));

    protected override FakeAuthorityOptions Options => new() { UseHttps = false, TimeProvider = Clock };

    [SetUp]
    public void RegisterPublicClient() => Authority.RegisterPublicClient(ClientId);
}
