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

    /// <summary>Returns <paramref name="now"/> + <paramref name="lifetime"/> seconds, saturated.</summary>
    public static long Add(long now, long lifetime) =>
        lifetime > 0 && now > Max - lifetime ? Max : Math.Clamp(now + lifetime, Min, Max);

    /// <summary>Returns the instant <paramref name="seconds"/> after the epoch, saturated.</summary>
    public static DateTimeOffset ToDateTimeOffset(long seconds) => DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, Min, Max));
}
