using System.Diagnostics;

namespace Auth.Extensions.Tests.Distributed;

/// <summary>Finds redis-server on PATH; when it is missing, runs build/ci-deps.sh once to install it.</summary>
internal static class RedisExecutable
{
    private static readonly Lazy<string?> Found = new(FindOrInstall);

    /// <summary>Gets the full path of redis-server, or null when it is not installed and could not be.</summary>
    public static string? FullPath => Found.Value;

    private static string? FindOrInstall()
    {
        var found = Find();
        if (found is not null)
        {
            return found;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Auth.sln")))
        {
            root = root.Parent;
        }

        if (root is not null)
        {
            using var install = Process.Start(new ProcessStartInfo("bash", [Path.Combine(root.FullName, "build", "ci-deps.sh")]));
            install?.WaitForExit();
        }

        return Find();
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);
}
