namespace Auth.Testing.Tokens;

/// <summary>The thread-safe access token lifetime setting.</summary>
internal sealed class TokenLifetime
{
    private long _ticks = TimeSpan.FromHours(1).Ticks;

    public TimeSpan Value
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromSeconds(1));
            Interlocked.Exchange(ref _ticks, value.Ticks);
        }
    }
}
