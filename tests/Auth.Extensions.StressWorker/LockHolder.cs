namespace Auth.Extensions.StressWorker;

/// <summary>Holds a cache lock file exactly as the library opens it (exclusive, FileShare.None) until killed.</summary>
internal static class LockHolder
{
    public static async Task<int> RunAsync(string lockFile)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (OperatingSystem.IsWindows())
        {
            options.Options = FileOptions.DeleteOnClose;
        }

        await using var held = new FileStream(lockFile, options);
        Console.WriteLine("held");
        await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, CancellationToken.None);
        return 0;
    }
}
