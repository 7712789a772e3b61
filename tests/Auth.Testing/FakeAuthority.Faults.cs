using Auth.Testing.Faults;

namespace Auth.Testing;

/// <summary>Random faults at the token endpoint, and how many token requests each tenant had in flight at once.</summary>
public sealed partial class FakeAuthority
{
    /// <summary>
    /// Mixes random 429, 500 and slow answers into the token endpoint from now on, drawn from <paramref name="plan"/>'s
    /// seeded generator (one draw per token request); <see langword="null"/> stops injecting.
    /// </summary>
    /// <param name="plan">The probabilities, delays and seed; <see langword="null"/> to stop.</param>
    /// <exception cref="ArgumentException">The plan is invalid (see <see cref="FakeFaultPlan.Validate"/>).</exception>
    public void InjectFaults(FakeFaultPlan? plan) => _services.TokenEndpoint.Faults.Use(plan);

    /// <summary>How many token requests got this fault (or, for <see cref="FakeFault.None"/>, none while a plan applied to them).</summary>
    /// <param name="fault">The fault.</param>
    public int InjectedFaultCount(FakeFault fault) => _services.TokenEndpoint.Faults.Count(fault);

    /// <summary>
    /// The highest number of token requests handled at the same time, per tenant path segment (as sent: a GUID,
    /// <c>common</c>, a domain...), since the start or <see cref="ResetConcurrencyPeaks"/>. A request counts from its
    /// arrival until its answer is ready, slow and faulted answers included.
    /// </summary>
    public IReadOnlyDictionary<string, int> PeakConcurrentTokenRequests() => _services.TokenEndpoint.InFlight.Peaks();

    /// <summary>Starts measuring <see cref="PeakConcurrentTokenRequests"/> afresh.</summary>
    public void ResetConcurrencyPeaks() => _services.TokenEndpoint.InFlight.ResetPeaks();
}
