namespace Auth.Testing.Faults;

/// <summary>What a <see cref="FakeFaultPlan"/> did to one token request.</summary>
public enum FakeFault
{
    /// <summary>The request was served normally.</summary>
    None,

    /// <summary>429 <c>temporarily_unavailable</c> with a <c>Retry-After</c> header.</summary>
    Throttled,

    /// <summary>500 <c>server_error</c>.</summary>
    ServerError,

    /// <summary>The normal answer, after a real-time delay.</summary>
    Slow,
}
