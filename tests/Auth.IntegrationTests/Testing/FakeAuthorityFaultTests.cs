using System.Net;
using Auth.Testing;
using Auth.Testing.Faults;

namespace Auth.IntegrationTests.Testing;

/// <summary>The seeded fault injector and the per-tenant in-flight gauge of <see cref="FakeAuthority"/>.</summary>
[TestFixture]
public sealed class FakeAuthorityFaultTests : FakeAuthorityFixture
{
    private const string ClientId = "faulty";
    private const string Secret = "s";

    protected override FakeAuthorityOptions Options => new() { UseHttps = false };

    [SetUp]
    public void Register() => Authority.RegisterClient(ClientId, Secret);

    [Test]
    public async Task InjectFaults_SameSeed_SameFaultsInTheSameOrder()
    {
        var plan = new FakeFaultPlan { Seed = 3, ThrottleProbability = 0.2, ServerErrorProbability = 0.2, SlowProbability = 0.1, MaxDelay = TimeSpan.FromMilliseconds(30) };

        Authority.InjectFaults(plan);
        var first = await StatusesAsync(60);
        Authority.InjectFaults(plan);
        var second = await StatusesAsync(60);
        Authority.InjectFaults(plan with { Seed = 4 });
        var other = await StatusesAsync(60);

        second.Should().Equal(first);
        other.Should().NotEqual(first);
        first.Should().Contain([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError]);
        Authority.InjectedFaultCount(FakeFault.Slow).Should().BePositive();
    }

    [Test]
    public async Task InjectFaults_Throttled_SendsRetryAfter_AndNullStops()
    {
        Authority.InjectFaults(new FakeFaultPlan { ThrottleProbability = 1, RetryAfter = TimeSpan.FromSeconds(7) });
        using var throttled = await SendAsync();
        Authority.InjectFaults(null);
        using var normal = await SendAsync();

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        normal.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task InjectFaults_OtherGrantType_IsNotFaulted()
    {
        Authority.InjectFaults(new FakeFaultPlan { ServerErrorProbability = 1, GrantTypes = ["password"] });

        using var response = await SendAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Authority.InjectedFaultCount(FakeFault.ServerError).Should().Be(0);
    }

    [Test]
    public void InjectFaults_ProbabilitiesAboveOne_AreRefused()
    {
        var act = () => Authority.InjectFaults(new FakeFaultPlan { ThrottleProbability = 0.6, ServerErrorProbability = 0.6 });

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public async Task PeakConcurrentTokenRequests_TwoSlowRequestsAtOnce_CountsTwoForThatTenantOnly()
    {
        Authority.InjectFaults(new FakeFaultPlan { SlowProbability = 1, MinDelay = TimeSpan.FromMilliseconds(300), MaxDelay = TimeSpan.FromMilliseconds(300) });

        var responses = await Task.WhenAll(SendAsync(), SendAsync());
        var together = Authority.PeakConcurrentTokenRequests();
        Authority.ResetConcurrencyPeaks();
        (await SendAsync()).Dispose();
        (await SendAsync()).Dispose();
        var oneAfterTheOther = Authority.PeakConcurrentTokenRequests();

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        together.Should().Equal(new Dictionary<string, int> { [Authority.TenantId] = 2 });
        oneAfterTheOther[Authority.TenantId].Should().Be(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private Task<HttpResponseMessage> SendAsync()
    {
        var form = TokenClient.ClientCredentials(ClientId);
        form["client_secret"] = Secret;
        return TokenClient.PostAsync(Http, Authority, form);
    }

    private async Task<List<HttpStatusCode>> StatusesAsync(int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await SendAsync();
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
