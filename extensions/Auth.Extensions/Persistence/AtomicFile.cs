namespace Auth.Extensions.Persistence;

/// <summary>
/// The file operations of the persisted cache: whole-file reads, writes that replace the file
/// atomically (a temp file readable by the owner only, created exclusively, then renamed over the
/// target), and setting an unreadable file aside. No write follows a symbolic link: the temp file
/// is created with <see cref="FileMode.CreateNew"/> (O_CREAT|O_EXCL, which fails on any existing
/// name, links included) and the rename replaces a link at the target instead of writing through
/// it. Every read and write first refuses a directory others can write to (<see cref="CacheDirectory"/>).
/// Writes are not fsynced: a power cut may lose the last write or leave an empty or partial file,
/// which the next load treats as corrupt, while an fsync per token write would dominate the cost
/// of every cache change.
/// </summary>
internal static class AtomicFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Reads the whole file, or returns null when it does not exist.</summary>
    public static async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        CacheDirectory.ThrowIfUnsafe(path);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete };
            var stream = new FileStream(path, options);
            await using (stream.ConfigureAwait(false))
            {
                var bytes = new byte[stream.Length];
                await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
                return bytes;
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> (mode 0600 on Unix), atomically.</summary>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        CacheDirectory.EnsureSafe(path);
        var temp = TempPath(path);
        try
        {
            var stream = new FileStream(temp, NewFileOptions());
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> like <see cref="WriteAsync"/>, synchronously, for a few bytes.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        CacheDirectory.EnsureSafe(path);
        var temp = TempPath(path);
        try
        {
            using (var stream = new FileStream(temp, NewFileOptions()))
            {
                stream.Write(content);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Moves an unreadable file to <c>{path}.corrupt</c> (replacing an older one) so it can be inspected; deletes it when even that fails.</summary>
    public static string SetAside(string path)
    {
        var target = path + ".corrupt";
        try
        {
            File.Move(path, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(path);
        }

        return target;
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp or probe file holds no more than the cache itself.
        }
    }

    private static string TempPath(string path) => $"{path}.{Guid.NewGuid():N}.tmp";

    private static FileStreamOptions NewFileOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }
}
