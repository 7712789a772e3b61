using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Auth.Testing.Faults;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Load;

/// <summary>
/// 10,000 concurrent client-credential calls across 100 tenants against a FakeAuthority that answers at random with
/// 429, 500 or slowly; two identical rounds on one application, the second after its tokens expired.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ClientCredentialLoadTests
{
    private const string ClientId = "load-daemon";
    private const string Secret = "load-secret";
    private const int Tenants = 100;
    private const int CallersPerTenant = 100;
    private const long MemorySlackBytes = 4 * 1024 * 1024;
    private const double MemoryFraction = 0.10;

    private static readonly FakeFaultPlan Faults = new()
    {
        Seed = 8,
        ThrottleProbability = 0.05,
        RetryAfter = TimeSpan.FromSeconds(5),
        ServerErrorProbability = 0.15,
        SlowProbability = 0.30,
        MinDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(250),
        GrantTypes = ["client_credentials"],
    };

    [Test]
    public async Task ClientCredentials_TenThousandCallsWithFaults_EveryCallEndsTypedOneRequestPerTenantMemoryFlat()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var authority = FakeAuthority.Start(new FakeAuthorityOptions { TimeProvider = clock, MaxCapturedTokenRequests = 100 });
        authority.RegisterClient(ClientId, Secret);
        authority.InjectFaults(Faults);
        using var http = authority.CreateHttpClient();
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = ClientId,
            Authority = authority.Authority,
            ClientSecret = Secret,
            TimeProvider = clock,
            RetryDelay = TimeSpan.Zero,
            NetworkClient = new HttpClientNetworkClient(http, new HttpClientNetworkClientOptions()),
        });
        var tenants = Enumerable.Range(1, Tenants).Select(i => $"{authority.BaseUri}{new Guid(i, 0, 0, new byte[8])}").ToList();
        var load = new ClientCredentialLoad(app, tenants, CallersPerTenant);

        var first = await load.RunAsync(seed: 1);
        var requestsAfterFirst = authority.RequestCount("client_credentials");
        var internalsAfterFirst = LibraryInternals.Of(app);
        var memoryAfterFirst = MemoryProbe.Settle();
        var peaksFirst = authority.PeakConcurrentTokenRequests();
        authority.ResetConcurrencyPeaks();
        clock.Advance(TimeSpan.FromHours(2));
        var second = await load.RunAsync(seed: 2);
        var internalsAfterSecond = LibraryInternals.Of(app);
        var memoryAfterSecond = MemoryProbe.Settle();
        var peaksSecond = authority.PeakConcurrentTokenRequests();

        TestContext.Out.WriteLine($"round 1: {first}; {requestsAfterFirst} token requests reached the fake; heap {memoryAfterFirst / 1024} KiB; {internalsAfterFirst}");
        TestContext.Out.WriteLine($"round 2: {second}; {authority.RequestCount("client_credentials") - requestsAfterFirst} token requests reached the fake; heap {memoryAfterSecond / 1024} KiB; {internalsAfterSecond}");
        TestContext.Out.WriteLine($"faults drawn: {string.Join(", ", Enum.GetValues<FakeFault>().Select(f => $"{f} {authority.InjectedFaultCount(f)}"))}");
        foreach (var round in new[] { first, second })
        {
            round.Hung.Should().Be(0, "no call may hang");
            round.Untyped.Should().BeEmpty("every failure is an AuthException subtype");
            round.Total.Should().Be(Tenants * CallersPerTenant);
            round.WrongTenant.Should().Be(0, "a tenant's caller never gets another tenant's token");
            round.Tokens.Should().BeGreaterThan(Tenants * CallersPerTenant / 2, "most calls get a token despite the faults");
            round.TypedErrors.Should().NotBeEmpty("the faults reach the callers as typed exceptions");
        }

        requestsAfterFirst.Should().BeLessThan(Tenants * 5, "concurrent callers of a tenant share one request");
        authority.RequestCount("client_credentials").Should().BeLessThan(Tenants * 10);
        authority.InjectedFaultCount(FakeFault.Throttled).Should().BePositive();
        authority.InjectedFaultCount(FakeFault.ServerError).Should().BePositive();
        authority.InjectedFaultCount(FakeFault.Slow).Should().BePositive();
        peaksFirst.Should().HaveCount(Tenants).And.OnlyContain(p => p.Value == 1, "at most one token request per tenant is in flight");
        peaksSecond.Should().HaveCount(Tenants).And.OnlyContain(p => p.Value == 1, "at most one token request per tenant is in flight");
        foreach (var internals in new[] { internalsAfterFirst, internalsAfterSecond })
        {
            internals.ClientCredentialFlights.Should().Be(0, "finished flights are forgotten");
            internals.MetadataFlights.Should().Be(0);
            internals.ThrottledRequests.Should().BeLessThanOrEqualTo(Tenants, "one throttling entry per tenant at most");
            internals.MetadataEntries.Should().Be(Tenants);
            internals.CachePartitions.Should().BeLessThanOrEqualTo(Tenants, "one app-token partition per tenant");
        }

        MemoryProbe.Grew(memoryAfterFirst, memoryAfterSecond, MemorySlackBytes, MemoryFraction).Should().BeFalse(
            $"the heap after an identical second round ({memoryAfterSecond:N0} B) stays near the first ({memoryAfterFirst:N0} B)");
    }
}
