namespace Auth.Common.Cache;

/// <summary>
/// Epoch-second arithmetic that cannot overflow: token lifetimes and cached times come from the
/// authority or a stored cache and may hold any 64-bit value. Times saturate at the range
/// <see cref="DateTimeOffset"/> can represent (year 0001 to 9999).
/// </summary>
internal static class EpochSeconds
{
    private static readonly long Min = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long Max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Returns <paramref name="now"/> + <paramref name="lifetime"/> seconds, saturated (either may be any value, negative included).</summary>
    public static long Add(long now, long lifetime)
    {
        var sum = unchecked(now + lifetime);

        // Overflow happened exactly when both operands share a sign the sum does not.
        if (((now ^ sum) & (lifetime ^ sum)) < 0)
        {
            return lifetime > 0 ? Max : Min;
        }

        return Math.Clamp(sum, Min, Max);
    }

    /// <summary>Returns the instant <paramref name="seconds"/> after the epoch, saturated.</summary>
    public static DateTimeOffset ToDateTimeOffset(long seconds) => DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, Min, Max));
}
