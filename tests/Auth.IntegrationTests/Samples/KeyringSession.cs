using System.Diagnostics;

namespace Auth.IntegrationTests.Samples;

/// <summary>
/// A private D-Bus session bus with a gnome-keyring daemon on it, its login keyring unlocked (password "test") in a
/// temporary XDG_DATA_HOME, as build/test.sh gives Auth.Extensions.Tests; for processes that keep their token cache
/// key in the keyring. Both daemons are stopped (by their process ids) and the directory deleted on dispose.
/// Also compiled into Auth.BrowserTests (linked).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class KeyringSession : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly DirectoryInfo _root;
    private readonly List<Process> _daemons = [];

    private KeyringSession(DirectoryInfo root)
    {
        _root = root;
    }

    /// <summary>The variables that point libsecret at this keyring: DBUS_SESSION_BUS_ADDRESS, XDG_DATA_HOME, XDG_RUNTIME_DIR.</summary>
    public Dictionary<string, string?> Environment { get; } = [];

    public static KeyringSession Start()
    {
        var session = new KeyringSession(Directory.CreateTempSubdirectory("auth-keyring-"));
        try
        {
            session.StartDaemons();
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var daemon in _daemons)
        {
            if (!daemon.HasExited)
            {
                daemon.Kill(entireProcessTree: true);
                daemon.WaitForExit();
            }

            daemon.Dispose();
        }

        _root.Delete(recursive: true);
    }

    private void StartDaemons()
    {
        var runtime = Directory.CreateDirectory(Path.Combine(_root.FullName, "run"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var bus = Launch("dbus-daemon", ["--session", "--nofork", "--print-address=1", $"--address=unix:path={Path.Combine(_root.FullName, "bus")}"]);
        var address = bus.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout).GetAwaiter().GetResult();
        if (string.IsNullOrEmpty(address))
        {
            Assert.Fail($"dbus-daemon printed no address: {bus.StandardError.ReadToEnd()}");
        }

        Environment["DBUS_SESSION_BUS_ADDRESS"] = address;
        Environment["XDG_DATA_HOME"] = Path.Combine(_root.FullName, "data");
        Environment["XDG_RUNTIME_DIR"] = runtime.FullName;
        Environment["DISPLAY"] = null;
        var keyring = Launch("gnome-keyring-daemon", ["--foreground", "--unlock", "--components=secrets"]);
        keyring.StandardInput.Write("test");
        keyring.StandardInput.Close();
        WaitForSecretService();
    }

    /// <summary>Waits until the keyring owns org.freedesktop.secrets on the bus.</summary>
    private void WaitForSecretService()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            using var probe = Launch("dbus-send", ["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets"], keep: false);
            var reply = probe.StandardOutput.ReadToEnd();
            probe.WaitForExit();
            if (reply.Contains("boolean true", StringComparison.Ordinal))
            {
                return;
            }

            Thread.Sleep(100);
        }

        Assert.Fail("gnome-keyring-daemon did not take org.freedesktop.secrets on the private session bus in time.");
    }

    private Process Launch(string program, string[] args, bool keep = true)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = !keep, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        ProcessEnvironment.Apply(start, Environment);

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"{program} is missing ({ex.Message}): run build/ci-deps.sh (it installs dbus and gnome-keyring).");
            throw;
        }

        if (keep)
        {
            _daemons.Add(process);
        }

        return process;
    }
}
