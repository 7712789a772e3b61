namespace Auth.Extensions.Persistence;

/// <summary>A held cache lock: the open lock file and this process's gate, released once.</summary>
internal sealed class LockLease : IDisposable
{
    private FileStream? _file;
    private SemaphoreSlim? _gate;

    public LockLease(FileStream file, SemaphoreSlim gate)
    {
        _file = file;
        _gate = gate;
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _file, null)?.Dispose();
        Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
