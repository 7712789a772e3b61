using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server.Interactive;

namespace Auth.Server;

/// <summary>
/// An application that cannot keep a secret: desktop, command-line and device apps. Create one per
/// client id and keep it (it owns the in-memory token cache). Thread-safe.
/// </summary>
public sealed class PublicClientApplication : ClientApplication
{
    /// <summary>Creates the application.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="Common.Errors.AuthClientException">The options are invalid; the message lists every problem.</exception>
    public PublicClientApplication(PublicClientOptions options)
        : base(options, client =>
        {
            client.LoopbackListener = options.LoopbackListener ?? new LoopbackListener();
            client.BrowserLauncher = options.BrowserLauncher ?? new SystemBrowserLauncher();
        })
    {
    }

    /// <summary>Signs the user in through the system browser and a loopback redirect (RFC 8252).</summary>
    /// <param name="request">The scopes and options of the sign-in.</param>
    /// <param name="cancellationToken">Cancels the sign-in; the listener stops and frees its port.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenInteractiveAsync(InteractiveRequest request, CancellationToken cancellationToken = default) =>
        Client.AcquireTokenInteractiveAsync(request, cancellationToken);

    /// <summary>Signs the user in on another device with a device code (RFC 8628).</summary>
    /// <param name="request">The scopes and the callback that shows the code.</param>
    /// <param name="cancellationToken">Stops polling.</param>
    /// <returns>The tokens, now cached.</returns>
    public Task<AuthenticationResult> AcquireTokenByDeviceCodeAsync(DeviceCodeRequest request, CancellationToken cancellationToken = default) =>
        Client.AcquireTokenByDeviceCodeAsync(request, cancellationToken);
}
