using Auth.Common.Platform;

namespace Auth.Server;

/// <summary>Options of a <see cref="PublicClientApplication"/>: a desktop, mobile or command-line app that cannot keep a secret.</summary>
public sealed class PublicClientOptions : ClientApplicationOptions
{
    /// <summary>Gets or sets how the system browser is opened for interactive sign-in; <see cref="Interactive.SystemBrowserLauncher"/> by default.</summary>
    public IBrowserLauncher? BrowserLauncher { get; set; }

    /// <summary>Gets or sets the loopback listener for interactive sign-in; <see cref="Interactive.LoopbackListener"/> by default.</summary>
    public ILoopbackListener? LoopbackListener { get; set; }
}
