namespace Auth.Common.Cache;

/// <summary>
/// When a cached access token may still be handed out: until <c>ClockSkew</c> before it expires,
/// but never less than half its lifetime, so short-lived tokens (many OpenID Providers issue
/// 5-minute ones) are still served from the cache for their first half.
/// </summary>
internal static class TokenFreshness
{
    public static bool IsUsable(AccessTokenEntity token, long now, TimeSpan clockSkew)
    {
        if (token.ExpiresOn is not { } expiresOn)
        {
            return false;
        }

        var margin = (long)clockSkew.TotalSeconds;
        if (token.CachedAt is { } cachedAt && expiresOn > cachedAt)
        {
            margin = Math.Min(margin, (expiresOn - cachedAt) / 2);
        }

        return expiresOn > now + margin;
    }
}
