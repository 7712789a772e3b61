using Auth.Common.Platform;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Spectre.Console;
using TokenTool.Output;

namespace TokenTool.Commands;

/// <summary>The two sign-ins of <c>login</c>, each under a spinner on stderr.</summary>
internal static class SignIn
{
    public static Task<AuthenticationResult> WithBrowserAsync(PublicClientApplication app, IReadOnlyList<string> scopes, IBrowserLauncher browser, CancellationToken cancellationToken) =>
        Terminal.SpinAsync("Waiting for you to sign in in the browser… (Ctrl+C to stop)", _ => app.AcquireTokenInteractiveAsync(
            new InteractiveRequest
            {
                Scopes = scopes,
                OpenBrowser = async (url, ct) =>
                {
                    Terminal.Info("Opening the browser. If none opens, open this URL:");
                    Terminal.Raw(url.AbsoluteUri);
                    await browser.OpenAsync(url, ct);
                },
            },
            cancellationToken));

    public static Task<AuthenticationResult> WithDeviceCodeAsync(PublicClientApplication app, IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
        Terminal.SpinAsync("Asking for a device code…", status => app.AcquireTokenByDeviceCodeAsync(
            new DeviceCodeRequest
            {
                Scopes = scopes,
                DeviceCodeCallback = (info, _) =>
                {
                    Terminal.Stderr.MarkupLine("[bold]Sign in on another device[/]");
                    Terminal.Stderr.MarkupLine(Markup.Escape(info.Message));
                    Terminal.Stderr.MarkupLine($"  page: [link]{Markup.Escape(info.VerificationUri.AbsoluteUri)}[/]");
                    Terminal.Stderr.MarkupLine($"  code: [bold yellow]{Markup.Escape(info.UserCode)}[/]");
                    status.Status(Markup.Escape($"Waiting for the code to be entered (until {info.ExpiresOn.ToLocalTime():t})… (Ctrl+C to stop)"));
                    return Task.CompletedTask;
                },
            },
            cancellationToken));
}
