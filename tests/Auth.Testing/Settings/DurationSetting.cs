namespace Auth.Testing.Settings;

/// <summary>A thread-safe duration setting with a lower bound (token lifetimes, device-code lifetime and interval).</summary>
internal sealed class DurationSetting
{
    private readonly TimeSpan _minimum;
    private long _ticks;

    public DurationSetting(TimeSpan initial, TimeSpan minimum)
    {
        _minimum = minimum;
        Value = initial;
    }

    public TimeSpan Value
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, _minimum);
            Interlocked.Exchange(ref _ticks, value.Ticks);
        }
    }

    /// <summary>The value rounded up to whole seconds, as protocol fields such as <c>expires_in</c> carry it.</summary>
    public long WholeSeconds => (long)Math.Ceiling(Value.TotalSeconds);
}
