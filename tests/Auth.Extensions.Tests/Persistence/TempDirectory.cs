namespace Auth.Extensions.Tests.Persistence;

/// <summary>
/// A fresh directory under the temp path (owner-only on Unix, whatever the umask: the file cache refuses
/// a directory other users can write), deleted with everything in it on dispose.
/// </summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
        }
        else
        {
            Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "auth-persistence-" + Guid.NewGuid().ToString("N"));

    public string CacheFile => System.IO.Path.Combine(Path, "tokens.cache");

    public string LockFile => CacheFile + ".lock";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A worker killed mid-write may still hold a file for a moment; the temp path is cleaned by the OS.
        }
    }
}
