using System.Diagnostics;
using System.Globalization;

namespace Auth.Extensions.Persistence;

/// <summary>
/// Who holds a cache lock: a process id and that process's start time, written to
/// <c>{lock}.owner</c> right after the lock is taken (the lock file itself cannot be read while it
/// is held: .NET locks it with flock on Unix). The start time tells a live owner from a new process
/// that reuses a dead owner's id.
/// </summary>
internal sealed record LockOwner(int ProcessId, long StartTimeTicks)
{
    private static readonly Lazy<LockOwner> CurrentProcess = new(() =>
    {
        using var process = Process.GetCurrentProcess();
        return new LockOwner(process.Id, StartTicks(process));
    });

    public static LockOwner Current => CurrentProcess.Value;

    public static string PathOf(string lockPath) => lockPath + ".owner";

    /// <summary>Reads the owner record; null when it is missing, being written, or not ours.</summary>
    public static LockOwner? TryRead(string lockPath)
    {
        try
        {
            var parts = File.ReadAllText(PathOf(lockPath)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? new LockOwner(pid, ticks)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(string lockPath)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(PathOf(lockPath), options);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{ProcessId} {StartTimeTicks}"));
    }

    /// <summary>Gets whether the recorded process still runs (the same process, not a reuse of its id).</summary>
    public bool IsAlive()
    {
        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return Math.Abs(StartTicks(process) - StartTimeTicks) < TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // The process exited meanwhile (InvalidOperation) or its start time is not ours to read: count it alive.
            return ex is not InvalidOperationException;
        }
    }

    public override string ToString() => $"process {ProcessId}";

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;
}
