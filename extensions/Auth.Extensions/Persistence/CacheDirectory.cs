using Auth.Common.Errors;

namespace Auth.Extensions.Persistence;

/// <summary>
/// The directory of the cache, lock and owner files. It is created owner-only (0700 on Unix) when
/// missing. On Unix, a directory that users other than its owner may write to (the group or other
/// write bit without the sticky bit) is refused with <see cref="PersistenceErrorCodes.CachePathUnsafe"/>:
/// anyone who can write it can swap the cache file for their own, or plant a symbolic link where a
/// lock file will be created. Windows relies on the profile directory's ACL and is not checked.
/// </summary>
internal static class CacheDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Creates the directory of <paramref name="path"/> when missing, then refuses it when others can write to it.</summary>
    /// <exception cref="AuthClientException"><see cref="PersistenceErrorCodes.CachePathUnsafe"/>.</exception>
    public static void EnsureSafe(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, OwnerOnly);
        }

        ThrowIfWritableByOthers(directory);
    }

    /// <summary>Refuses the directory of <paramref name="path"/>, if it exists, when others can write to it.</summary>
    /// <exception cref="AuthClientException"><see cref="PersistenceErrorCodes.CachePathUnsafe"/>.</exception>
    public static void ThrowIfUnsafe(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!OperatingSystem.IsWindows() && !string.IsNullOrEmpty(directory) && Directory.Exists(directory))
        {
            ThrowIfWritableByOthers(directory);
        }
    }

    /// <summary>Refuses a symbolic link at <paramref name="path"/> (it would redirect the open to a file of the link's choosing).</summary>
    /// <exception cref="AuthClientException"><see cref="PersistenceErrorCodes.CachePathUnsafe"/>.</exception>
    public static void ThrowIfSymbolicLink(string path, string role)
    {
        if (!OperatingSystem.IsWindows() && new FileInfo(path).LinkTarget is not null)
        {
            throw new AuthClientException(
                PersistenceErrorCodes.CachePathUnsafe,
                $"The token cache {role} {path} is a symbolic link; it is not followed, so the file it points to is not opened or changed. Remove the link; the library creates the file itself.");
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void ThrowIfWritableByOthers(string directory)
    {
        var mode = File.GetUnixFileMode(directory);
        if ((mode & WritableByOthers) != 0 && (mode & UnixFileMode.StickyBit) == 0)
        {
            throw new AuthClientException(
                PersistenceErrorCodes.CachePathUnsafe,
                $"The token cache directory {directory} can be written by other users (mode {Convert.ToString((int)mode, 8)}), who could replace the cache file or plant links at its lock files. Remove their write permission (chmod go-w) or keep the cache in a directory only this user can write, such as one under the home directory.");
        }
    }
}
