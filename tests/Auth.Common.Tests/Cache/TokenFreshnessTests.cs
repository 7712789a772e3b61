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
}
