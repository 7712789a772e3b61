namespace Auth.Extensions.Persistence;

/// <summary>The outcome of <see cref="IPersistence.VerifyAsync"/>.</summary>
public sealed record PersistenceVerification
{
    /// <summary>Gets a successful verification.</summary>
    public static PersistenceVerification Usable { get; } = new() { IsUsable = true };

    /// <summary>Gets whether a probe was written and read back intact.</summary>
    public required bool IsUsable { get; init; }

    /// <summary>Gets a code from <see cref="PersistenceErrorCodes"/> when the store is unusable.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets why the store is unusable and what to do, in words an operator can act on.</summary>
    public string? Reason { get; init; }

    /// <summary>Creates a failed verification.</summary>
    /// <param name="errorCode">A code from <see cref="PersistenceErrorCodes"/>.</param>
    /// <param name="reason">Why, and what to do.</param>
    /// <returns>The result.</returns>
    public static PersistenceVerification Unusable(string errorCode, string reason) =>
        new() { IsUsable = false, ErrorCode = errorCode, Reason = reason };
}
