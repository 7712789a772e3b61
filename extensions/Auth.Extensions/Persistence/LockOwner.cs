using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Auth.Extensions.Persistence;

/// <summary>
/// Who holds a cache lock: a process id and that process's start time, written to
/// <c>{lock}.owner</c> right after the lock is taken (the lock file itself cannot be read while it
/// is held: .NET locks it with flock on Unix). The start time tells a live owner from a new process
/// that reuses a dead owner's id. On Unix the record is written to a new temp file and renamed over
/// <c>{lock}.owner</c>, so a symbolic link planted there is replaced, never written through, and a
/// reader never sees half a record; a link is not read either, and a read takes at most
/// <see cref="MaxRecordBytes"/> bytes.
/// </summary>
internal sealed record LockOwner(int ProcessId, long StartTimeTicks)
{
    private static readonly Lazy<LockOwner> CurrentProcess = new(() =>
    {
        using var process = Process.GetCurrentProcess();
        return new LockOwner(process.Id, StartTicks(process));
    });

    /// <summary>The longest record read: two decimal numbers and a space fit in 40 bytes.</summary>
    public const int MaxRecordBytes = 64;

    public static LockOwner Current => CurrentProcess.Value;

    public static string PathOf(string lockPath) => lockPath + ".owner";

    /// <summary>Reads the owner record; null when it is missing, being written, a symbolic link, or not ours.</summary>
    public static LockOwner? TryRead(string lockPath)
    {
        var path = PathOf(lockPath);
        try
        {
            if (!OperatingSystem.IsWindows() && new FileInfo(path).LinkTarget is not null)
            {
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            Span<byte> buffer = stackalloc byte[MaxRecordBytes];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var parts = Encoding.ASCII.GetString(buffer[..length]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
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

    /// <summary>Records this owner in <c>{lock}.owner</c>, replacing what (or whatever link) is there.</summary>
    public void Write(string lockPath)
    {
        var record = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{ProcessId} {StartTimeTicks}"));
        if (!OperatingSystem.IsWindows())
        {
            AtomicFile.Write(PathOf(lockPath), record);
            return;
        }

        // Windows: rewritten in place, as a rename over a record another process is reading would fail.
        using var stream = new FileStream(PathOf(lockPath), FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        stream.Write(record);
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
