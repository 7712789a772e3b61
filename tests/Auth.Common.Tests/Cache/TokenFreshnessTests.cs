using Auth.Common.Cache;

namespace Auth.Common.Tests.Cache;

[TestFixture]
public sealed class TokenFreshnessTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private static AccessTokenEntity Token(long cachedAt, long lifetime) => new() { CachedAt = cachedAt, ExpiresOn = cachedAt + lifetime };

    [TestCase(0, true)]
    [TestCase(3299, true)]
    [TestCase(3300, false)]
    public void OneHourToken_IsUsableUntilFiveMinutesBeforeExpiry(long elapsed, bool usable)
    {
        TokenFreshness.IsUsable(Token(1000, 3600), 1000 + elapsed, Skew).Should().Be(usable);
    }

    [TestCase(0, true)]
    [TestCase(149, true)]
    [TestCase(150, false)]
    public void FiveMinuteToken_IsUsableForHalfItsLifetime(long elapsed, bool usable)
    {
        TokenFreshness.IsUsable(Token(1000, 300), 1000 + elapsed, Skew).Should().Be(usable);
    }

    [Test]
    public void TokenWithoutCachedAt_UsesTheFullSkew()
    {
        TokenFreshness.IsUsable(new AccessTokenEntity { ExpiresOn = 2000 }, 1701, Skew).Should().BeFalse();
        TokenFreshness.IsUsable(new AccessTokenEntity { ExpiresOn = 2000 }, 1699, Skew).Should().BeTrue();
    }

    [TestCase(long.MinValue)]
    [TestCase(-9_000_000_000_000_000_000)]
    [TestCase(-1)]
    public void CraftedNegativeCachedAt_ExpiredTokenIsNotServed(long cachedAt)
    {
        var now = 1_800_000_000L;

        TokenFreshness.IsUsable(new AccessTokenEntity { CachedAt = cachedAt, ExpiresOn = now - 10 }, now, Skew).Should().BeFalse();
        TokenFreshness.IsUsable(new AccessTokenEntity { CachedAt = cachedAt, ExpiresOn = now + 3600 }, now, Skew).Should().BeTrue();
    }

    [TestCase(1_800_000_100L, 1_800_000_000L)]
    [TestCase(long.MaxValue, 1_800_003_600L)]
    [TestCase(1_800_003_600L, 1_800_003_600L)]
    public void ExpiresNotAfterCachedAt_NegativeLifetimeIsNeverServed(long cachedAt, long expiresOn)
    {
        TokenFreshness.IsUsable(new AccessTokenEntity { CachedAt = cachedAt, ExpiresOn = expiresOn }, 1_700_000_000, Skew).Should().BeFalse();
    }

    [Test]
    public void HugeTimesAndSkew_DoNotOverflow()
    {
        TokenFreshness.IsUsable(new AccessTokenEntity { CachedAt = 1_800_000_000, ExpiresOn = 1_800_000_100 }, 1_800_000_060, TimeSpan.MaxValue).Should().BeFalse();
        TokenFreshness.IsUsable(new AccessTokenEntity { ExpiresOn = long.MaxValue }, 1_800_000_000, TimeSpan.MaxValue).Should().BeTrue();
    }

    [TestCase(1_800_000_000L, long.MaxValue, 253402300799L)]
    [TestCase(long.MinValue, long.MinValue, -62135596800L)]
    [TestCase(long.MaxValue, long.MaxValue, 253402300799L)]
    [TestCase(-100L, long.MinValue, -62135596800L)]
    [TestCase(1_800_000_000L, -1_000L, 1_799_999_000L)]
    public void EpochSecondsAdd_AnyOperands_SaturatesAtTheDateTimeOffsetRange(long now, long lifetime, long expected)
    {
        EpochSeconds.Add(now, lifetime).Should().Be(expected);
    }
}
