namespace Auth.Testing.Faults;

/// <summary>
/// Random faults mixed into token answers by <see cref="FakeAuthority.InjectFaults"/>: each token request draws one
/// number from a generator seeded with <see cref="Seed"/> and is throttled, fails with a server error, is slowed, or
/// is served normally. The same plan and the same order of requests give the same faults. Scripted answers
/// (<see cref="FakeAuthority.EnqueueTokenResponse"/>) take precedence.
/// </summary>
public sealed record FakeFaultPlan
{
    /// <summary>The seed of the random generator. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The probability of a 429 with <see cref="RetryAfter"/>, between 0 and 1.</summary>
    public double ThrottleProbability { get; init; }

    /// <summary>The <c>Retry-After</c> of throttled answers (rounded up to whole seconds). Default 1 second.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The probability of a 500 <c>server_error</c>, between 0 and 1.</summary>
    public double ServerErrorProbability { get; init; }

    /// <summary>The probability of a slow normal answer, between 0 and 1.</summary>
    public double SlowProbability { get; init; }

    /// <summary>The shortest delay of a slow answer (real time). Default 20 ms.</summary>
    public TimeSpan MinDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The longest delay of a slow answer (real time). Default 200 ms.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The grant types faults apply to (e.g. <c>client_credentials</c>); every grant when empty.</summary>
    public IReadOnlyCollection<string> GrantTypes { get; init; } = [];

    /// <summary>Throws when a probability is outside 0..1, they add up to more than 1, or the delays are out of order.</summary>
    /// <exception cref="ArgumentException">The plan is invalid.</exception>
    public void Validate()
    {
        double[] probabilities = [ThrottleProbability, ServerErrorProbability, SlowProbability];
        if (probabilities.Any(p => p is < 0 or > 1 || double.IsNaN(p)) || probabilities.Sum() > 1)
        {
            throw new ArgumentException("Each fault probability must be between 0 and 1, and together at most 1.");
        }

        if (MinDelay < TimeSpan.Zero || MaxDelay < MinDelay || RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException("The delays must satisfy 0 <= MinDelay <= MaxDelay, and RetryAfter must not be negative.");
        }
    }
}
