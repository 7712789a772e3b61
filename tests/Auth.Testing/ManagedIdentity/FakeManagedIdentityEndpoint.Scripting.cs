using Auth.Testing.ManagedIdentity;

namespace Auth.Testing;

/// <summary>Observation and scripting: captured requests, scripted failures, slow answers and Arc challenge paths.</summary>
public sealed partial class FakeManagedIdentityEndpoint
{
    /// <summary>Every request seen (the most recent 10,000), oldest first, refused ones included.</summary>
    public IReadOnlyList<FakeManagedIdentityRequest> Requests => _services.Log.Requests;

    /// <summary>How many tokens were issued.</summary>
    public int TokensIssued => _services.Log.TokensIssued;

    /// <summary>
    /// Azure Arc: when set, challenges name this path instead of a fresh key file of the endpoint's (to test a client's
    /// key-file rules: outside the directory, not <c>.key</c>, over 4096 bytes); such a challenge issues no key, so a
    /// client that reads and sends the file anyway is challenged again. <see langword="null"/> (default) restores normal challenges.
    /// </summary>
    public string? ChallengeKeyFileOverride
    {
        get => _services.ArcKeys?.Override;
        set
        {
            if (_services.ArcKeys is null)
            {
                throw new InvalidOperationException("Only the Azure Arc source has key-file challenges.");
            }

            _services.ArcKeys.Override = value;
        }
    }

    /// <summary>
    /// Queues a failure for the next <paramref name="times"/> requests, served before any other check (FIFO, one per
    /// request). An Azure Arc request without <c>Authorization</c> still gets its 401 challenge and takes none.
    /// </summary>
    /// <param name="statusCode">The HTTP status, 400 to 599.</param>
    /// <param name="times">How many requests fail, at least 1.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> header (whole seconds, rounded up), or none.</param>
    /// <param name="body">The JSON body sent verbatim; an error in the source's own shape when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The status, count or delay is out of range.</exception>
    public void FailNext(int statusCode, int times = 1, TimeSpan? retryAfter = null, string? body = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After must not be negative.");
        }

        _services.Failures.Add(new ScriptedFailure(statusCode, retryAfter, body), times);
    }

    /// <summary>Makes every answer from now on wait <paramref name="delay"/> (real time) before it is sent; <see cref="TimeSpan.Zero"/> stops.</summary>
    /// <param name="delay">The delay, not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative.</exception>
    public void Delay(TimeSpan delay) => _services.Delay.Value = delay;
}
