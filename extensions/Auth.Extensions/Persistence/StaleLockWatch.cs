namespace Auth.Extensions.Persistence;

/// <summary>
/// Decides that a lock is stale: its recorded owner is gone and the same record has stayed while
/// the lock stayed held for <see cref="CrossProcessLock.StaleGrace"/>. A live owner rewrites the
/// record within microseconds of taking the lock, so the grace keeps a just-taken lock safe.
/// </summary>
internal sealed class StaleLockWatch(TimeProvider time)
{
    private LockOwner? _deadOwner;
    private long _since;

    /// <summary>Returns how long the dead owner has been seen once that reaches the grace, else null.</summary>
    public TimeSpan? IsStale(LockOwner? owner)
    {
        if (owner is null || owner == LockOwner.Current || owner.IsAlive())
        {
            _deadOwner = null;
            return null;
        }

        if (owner != _deadOwner)
        {
            _deadOwner = owner;
            _since = time.GetTimestamp();
            return null;
        }

        var held = time.GetElapsedTime(_since);
        if (held < CrossProcessLock.StaleGrace)
        {
            return null;
        }

        _deadOwner = null;
        return held;
    }
}
