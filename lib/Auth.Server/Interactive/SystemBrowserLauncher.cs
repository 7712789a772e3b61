using System.Diagnostics;
using Auth.Common.Errors;
using Auth.Common.Platform;

namespace Auth.Server.Interactive;

/// <summary>
/// Opens the system browser: <c>xdg-open</c> on Linux, <c>open</c> on macOS, the shell on Windows.
/// The URL is passed as one argument, never through a shell command line.
/// </summary>
public sealed class SystemBrowserLauncher : IBrowserLauncher
{
    private readonly string? _command;

    /// <summary>Uses the platform's opener.</summary>
    public SystemBrowserLauncher()
    {
    }

    /// <summary>Uses <paramref name="command"/> (a program that takes the URL as its only argument) instead of the platform's opener.</summary>
    /// <param name="command">The program to run.</param>
    public SystemBrowserLauncher(string command)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        _command = command;
    }

    /// <inheritdoc/>
    public Task OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme is not ("https" or "http"))
        {
            throw new AuthClientException(AuthErrorCodes.BrowserLaunchFailed, "Only http and https URLs are opened in the browser.");
        }

        var start = _command is not null ? WithArgument(_command, url)
            : OperatingSystem.IsWindows() ? new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true }
            : OperatingSystem.IsMacOS() ? WithArgument("open", url)
            : WithArgument("xdg-open", url);
        try
        {
            using var process = Process.Start(start);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            throw new AuthClientException(
                AuthErrorCodes.BrowserLaunchFailed,
                $"No browser could be opened ({start.FileName} failed). Pass an OpenBrowser callback, or use the device-code flow on machines without a browser.",
                ex);
        }

        return Task.CompletedTask;
    }

    private static ProcessStartInfo WithArgument(string command, Uri url)
    {
        var info = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardOutput = false };
        info.ArgumentList.Add(url.AbsoluteUri);
        return info;
    }
}
