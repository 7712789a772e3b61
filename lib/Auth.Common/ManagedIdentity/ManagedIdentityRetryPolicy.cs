namespace Auth.Common.ManagedIdentity;

/// <summary>
/// The platform's retry guidance. IMDS: 404 (the identity not yet ready), 408, 410 (IMDS restarting), 429 and 5xx, up to
/// 3 retries after 1, 2 and 4 units, or up to 7 retries 10 units apart when the first failure was 410. Every other source:
/// 408, 429 and 5xx, up to 3 retries after one unit or the Retry-After the endpoint asked for, whichever is longer; a
/// Retry-After over a minute is not waited for. A unit is <see cref="ManagedIdentityClientOptions.RetryDelay"/> (1 s).
/// Transport timeouts are retried like a 408, except IMDS's (<see cref="ManagedIdentitySender"/>).
/// </summary>
internal sealed class ManagedIdentityRetryPolicy
{
    private const int Timeout = 408;
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(1);
    private readonly bool _imds;
    private readonly TimeSpan _unit;

    public ManagedIdentityRetryPolicy(ManagedIdentitySource source, TimeSpan unit)
    {
        _imds = source == ManagedIdentitySource.Imds;
        _unit = unit;
    }

    /// <summary>Gets the status a transport timeout counts as.</summary>
    public static int TimeoutStatus => Timeout;

    /// <summary>Returns how many retries a request whose first failure was <paramref name="firstStatus"/> gets.</summary>
    public int MaxRetries(int firstStatus) => _imds && firstStatus == 410 ? 7 : 3;

    /// <summary>Returns the pause before retry number <paramref name="retry"/> (1-based) of an answer with <paramref name="status"/>, or null when it is not retried.</summary>
    public TimeSpan? Delay(int status, int retry, TimeSpan? retryAfter)
    {
        if (!IsRetried(status))
        {
            return null;
        }

        if (_imds)
        {
            return status == 410 ? _unit * 10 : _unit * Math.Min(4, 1 << (retry - 1));
        }

        if (retryAfter > LongestRetryAfter)
        {
            return null;
        }

        return retryAfter is { } asked && asked > _unit ? asked : _unit;
    }

    private bool IsRetried(int status) =>
        status is Timeout or 429 or >= 500 || (_imds && status is 404 or 410);
}
