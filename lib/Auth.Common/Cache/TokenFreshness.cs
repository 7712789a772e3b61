namespace Auth.Common.Cache;

/// <summary>
/// When a cached access token may still be handed out: until <c>ClockSkew</c> before it expires,
/// but never less than half its lifetime, so short-lived tokens (many OpenID Providers issue
/// 5-minute ones) are still served from the cache for their first half. The times come from a
/// stored cache and may be anything: the arithmetic saturates instead of overflowing, and an entry
/// whose <c>expires_on</c> is not after its <c>cached_at</c> (a negative lifetime) is never served.
/// </summary>
internal static class TokenFreshness
{
    public static bool IsUsable(AccessTokenEntity token, long now, TimeSpan clockSkew)
    {
        if (token.ExpiresOn is not { } expiresOn)
        {
            return false;
        }

        var margin = Math.Max(0, (long)clockSkew.TotalSeconds);
        if (token.CachedAt is { } cachedAt)
        {
            if (expiresOn <= cachedAt)
            {
                return false;
            }

            // expires_on - cached_at overflows for a crafted negative cached_at: saturate the lifetime.
            var lifetime = cachedAt < 0 && expiresOn > long.MaxValue + cachedAt ? long.MaxValue : expiresOn - cachedAt;
            margin = Math.Min(margin, lifetime / 2);
        }

        return expiresOn > EpochSeconds.Add(now, margin);
    }
}
