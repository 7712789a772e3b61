namespace Auth.Extensions.Persistence;

/// <summary>
/// Opens a lock file exclusively, or returns null when another handle holds it. On Unix a symbolic
/// link at the lock path is refused (<see cref="PersistenceErrorCodes.CachePathUnsafe"/>) rather than
/// followed: opening through it would create or lock the file it points to. The check comes before
/// the open; only a user who can write the directory could swap a link in between, and
/// <see cref="CacheDirectory"/> refuses directories other users can write.
/// </summary>
internal static class LockFile
{
    public static FileStream? TryOpen(string path)
    {
        CacheDirectory.ThrowIfSymbolicLink(path, "lock file");
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 0,
        };
        if (OperatingSystem.IsWindows())
        {
            // Windows deletes the file when the last handle closes, also when the process dies.
            options.Options = FileOptions.DeleteOnClose;
        }
        else
        {
            // Never deleted on Unix: a process that opened the old file just before the unlink
            // would lock a file nobody else sees. The OS drops the flock when the owner dies.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            return new FileStream(path, options);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException) when (OperatingSystem.IsWindows())
        {
            // A lock file pending deletion (its owner just released it) refuses new handles.
            return null;
        }
    }
}
