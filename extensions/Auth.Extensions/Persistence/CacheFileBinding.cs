using System.Text;

namespace Auth.Extensions.Persistence;

/// <summary>
/// The associated data that binds an encrypted cache file to its path. Format version 2 (current):
/// <c>auth-token-cache-file:</c> followed by the file's full path, upper-cased (invariant culture)
/// on Windows and macOS, whose file systems usually ignore case, and in Unicode form C on macOS,
/// whose file system stores names decomposed. A blob copied to another cache path then does not
/// decrypt there, even under the same key. Version 1 (before the binding) used
/// <c>auth-token-cache-file</c> alone and is still read once, so existing caches survive the
/// upgrade; the next save writes version 2.
/// </summary>
internal static class CacheFileBinding
{
    public const byte LegacyVersion = 1;
    public const byte Version = 2;
    public const string LegacyAssociatedData = "auth-token-cache-file";

    /// <summary>Returns the version-2 associated data of the cache file at <paramref name="path"/>.</summary>
    public static string AssociatedData(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (OperatingSystem.IsMacOS() || OperatingSystem.IsMacCatalyst())
        {
            fullPath = fullPath.Normalize(NormalizationForm.FormC).ToUpperInvariant();
        }
        else if (OperatingSystem.IsWindows())
        {
            fullPath = fullPath.ToUpperInvariant();
        }

        return LegacyAssociatedData + ":" + fullPath;
    }
}
