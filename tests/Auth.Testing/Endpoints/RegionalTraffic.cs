using Auth.Testing.Clouds;
using Auth.Testing.Errors;

namespace Auth.Testing.Endpoints;

/// <summary>Counts the requests that reach regional hosts and holds how those hosts fail (thread-safe).</summary>
internal sealed class RegionalTraffic
{
    private int _failure;
    private int _count;

    public FakeRegionalFailure Failure
    {
        get => (FakeRegionalFailure)Volatile.Read(ref _failure);
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown regional failure mode.");
            }

            Volatile.Write(ref _failure, (int)value);
        }
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Counts a request to a regional host and returns the error it must get, if any.</summary>
    /// <param name="host">The request host without port.</param>
    public AadError? Admit(string host)
    {
        if (!EntraClouds.IsRegional(host))
        {
            return null;
        }

        Interlocked.Increment(ref _count);
        return Failure == FakeRegionalFailure.ServerError ? AadErrors.ServerError() : null;
    }
}
