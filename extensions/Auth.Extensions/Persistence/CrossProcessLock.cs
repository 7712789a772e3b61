using System.Collections.Concurrent;
using System.Security.Cryptography;
using Auth.Common.Errors;
using Auth.Extensions.Logging;
using Microsoft.Extensions.Logging;

namespace Auth.Extensions.Persistence;

/// <summary>
/// The lock around a cache file. Threads of this process first queue on one async gate per lock
/// path, so only one of them at a time contends for the file; that one opens the lock file
/// exclusively (FileShare.None: flock on Unix, a sharing lock and delete-on-close on Windows),
/// retrying with jittered exponential backoff within one time budget for both waits. The OS
/// releases the lock when its owner dies; if a lock stays held while its recorded owner is gone
/// (the handle leaked into another process) for <see cref="StaleGrace"/>, the file is taken over.
/// On Unix the lock's directory must not be writable by other users and the lock file must not be
/// a symbolic link (<see cref="PersistenceErrorCodes.CachePathUnsafe"/>; see <see cref="CacheDirectory"/>
/// and <see cref="LockFile"/>); the owner record is replaced by a rename (<see cref="LockOwner"/>).
/// </summary>
internal sealed class CrossProcessLock
{
    public static readonly TimeSpan StaleGrace = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(25);

    private readonly string _path;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CrossProcessLock(string lockPath, TimeSpan timeout, TimeProvider timeProvider, ILogger logger)
    {
        _path = Path.GetFullPath(lockPath);
        _timeout = timeout;
        _time = timeProvider;
        _logger = logger;
    }

    public string LockPath => _path;

    public async Task<LockLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var gate = Gates.GetOrAdd(_path, static _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(_timeout, cancellationToken).ConfigureAwait(false))
        {
            throw Timeout(0, LockOwner.TryRead(_path));
        }

        try
        {
            return new LockLease(await OpenAsync(started, cancellationToken).ConfigureAwait(false), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private async Task<FileStream> OpenAsync(long started, CancellationToken cancellationToken)
    {
        CacheDirectory.EnsureSafe(_path);
        var delay = FirstDelay;
        var stale = new StaleLockWatch(_time);
        for (var attempt = 1; ; attempt++)
        {
            if (LockFile.TryOpen(_path) is { } file)
            {
                RecordOwner(file);
                Log.LockTaken(_logger, _path, attempt, _time.GetElapsedTime(started));
                return file;
            }

            var owner = LockOwner.TryRead(_path);
            if (stale.IsStale(owner) is { } held)
            {
                Log.StaleLockRecovered(_logger, _path, owner!.ProcessId, held);
                AtomicFile.TryDelete(_path);
                continue;
            }

            var remaining = _timeout - _time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw Timeout(attempt, owner);
            }

            var jittered = delay * (0.5 + (RandomNumberGenerator.GetInt32(1000) / 1000.0));
            await Task.Delay(jittered < remaining ? jittered : remaining, _time, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
        }
    }

    /// <summary>Writes this process into the owner record; without one, another process could take the lock over as stale.</summary>
    private void RecordOwner(FileStream file)
    {
        try
        {
            LockOwner.Current.Write(_path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            file.Dispose();
            throw new AuthClientException(
                PersistenceErrorCodes.PersistenceUnusable,
                $"Took the token cache lock {_path} but could not record its owner in {LockOwner.PathOf(_path)}: {ex.Message} Check the directory's permissions and free space.",
                ex);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private AuthClientException Timeout(int attempts, LockOwner? owner)
    {
        var holder = owner?.ToString() ?? "an unknown process";
        Log.LockTimedOut(_logger, _path, attempts, _timeout, holder);
        return new AuthClientException(
            PersistenceErrorCodes.CacheLockTimeout,
            $"The token cache lock {_path} stayed held by {holder} for {_timeout.TotalSeconds:0.#} s. Another instance of the app is stuck in a cache access: end it, or raise PersistentTokenCacheOptions.LockTimeout.");
    }
}
