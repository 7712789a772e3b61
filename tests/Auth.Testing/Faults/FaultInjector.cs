using Auth.Testing.Errors;
using Auth.Testing.Http;
using Auth.Testing.Tokens;

namespace Auth.Testing.Faults;

/// <summary>Draws a fault for each token request from the current <see cref="FakeFaultPlan"/> and counts what it drew.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly int[] _counts = new int[Enum.GetValues<FakeFault>().Length];
    private FakeFaultPlan? _plan;
    private Random? _random;

    /// <summary>Starts injecting faults from <paramref name="plan"/> (with a fresh generator), or stops when null.</summary>
    public void Use(FakeFaultPlan? plan)
    {
        plan?.Validate();
        lock (_lock)
        {
            _plan = plan;
            _random = plan is null ? null : new Random(plan.Seed);
        }
    }

    public int Count(FakeFault fault) => Volatile.Read(ref _counts[(int)fault]);

    /// <summary>The fault for the next request of <paramref name="grantType"/>, and the delay of a slow one.</summary>
    public (FakeFault Fault, TimeSpan Delay) Next(string grantType)
    {
        FakeFault fault;
        var delay = TimeSpan.Zero;
        lock (_lock)
        {
            if (_plan is not { } plan || _random is null || (plan.GrantTypes.Count > 0 && !plan.GrantTypes.Contains(grantType)))
            {
                return (FakeFault.None, TimeSpan.Zero);
            }

            var draw = _random.NextDouble();
            fault = draw < plan.ThrottleProbability ? FakeFault.Throttled
                : draw < plan.ThrottleProbability + plan.ServerErrorProbability ? FakeFault.ServerError
                : draw < plan.ThrottleProbability + plan.ServerErrorProbability + plan.SlowProbability ? FakeFault.Slow
                : FakeFault.None;
            if (fault == FakeFault.Slow)
            {
                delay = plan.MinDelay + ((plan.MaxDelay - plan.MinDelay) * _random.NextDouble());
            }
            else if (fault == FakeFault.Throttled)
            {
                delay = plan.RetryAfter;
            }
        }

        Interlocked.Increment(ref _counts[(int)fault]);
        return (fault, delay);
    }

    /// <summary>The error reply of a throttled or failed request.</summary>
    public static HttpReply Render(FakeFault fault, TimeSpan retryAfter, ErrorReplyWriter errors, string? clientRequestId) => fault switch
    {
        FakeFault.Throttled => ScriptedResponses.Render(FakeTokenResponse.Throttled(retryAfter), errors, clientRequestId),
        FakeFault.ServerError => ScriptedResponses.Render(FakeTokenResponse.ServerError(), errors, clientRequestId),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Only throttled and server-error faults have their own reply."),
    };
}
