using Auth.Common.Errors;
using Auth.Common.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Common.Tests.Protocol;

/// <summary>The throttling cache under sustained 429s for many distinct requests: swept and bounded.</summary>
[TestFixture]
public sealed class ThrottlingCacheTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    private static AuthServiceException Throttled(TimeSpan retryAfter) =>
        new(AuthErrorCodes.RequestThrottled, "throttled") { StatusCode = 429, RetryAfter = retryAfter };

    [Test]
    public void Record_EntriesPastTheirRetryAfter_AreSweptByALaterRecord()
    {
        var cache = new ThrottlingCache(_time);
        for (var i = 0; i < 500; i++)
        {
            cache.Record($"tenant{i}", Throttled(TimeSpan.FromSeconds(10)));
        }

        _time.Advance(TimeSpan.FromSeconds(61));
        cache.Record("one-more", Throttled(TimeSpan.FromSeconds(10)));

        cache.Count.Should().Be(1, "the 500 expired entries are gone; nobody asked for them again");
    }

    [Test]
    public void Record_MoreDistinctRequestsThanTheBound_StaysWithinTheBound()
    {
        var cache = new ThrottlingCache(_time);

        for (var i = 0; i < 5 * ThrottlingCache.MaxEntries; i++)
        {
            cache.Record($"tenant{i}", Throttled(TimeSpan.FromSeconds(30 + i)));
        }

        cache.Count.Should().BeLessThanOrEqualTo(ThrottlingCache.MaxEntries);
        cache.TryGetThrottled($"tenant{(5 * ThrottlingCache.MaxEntries) - 1}").Should().NotBeNull("the newest, longest-throttled request is kept");
    }
}
