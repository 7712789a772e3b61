using System.CommandLine;
using Auth.Server.Interactive;
using Spectre.Console;
using TokenTool.Cli;
using TokenTool.Output;
using TokenTool.Session;

namespace TokenTool.Commands;

/// <summary><c>auth-token login --scope … [--device-code] [--browser cmd]</c>: signs in and keeps the tokens.</summary>
internal static class LoginCommand
{
    public static Command Create()
    {
        var scopes = ScopeOption.Create("A scope to consent to at sign-in");
        var deviceCode = new Option<bool>("--device-code") { Description = "Sign in on another device with a code, instead of this machine's browser" };
        var browser = new Option<string?>("--browser")
        {
            Description = "A program that opens the sign-in URL, given as its only argument (AUTH_TOKEN_BROWSER); default: the system browser",
        };
        var command = new Command("login", "Sign in through the system browser (or --device-code) and keep the tokens in the encrypted cache");
        command.Options.Add(scopes);
        command.Options.Add(deviceCode);
        command.Options.Add(browser);
        CommandRunner.SetAction(command, async (parseResult, cancellationToken) =>
        {
            var requested = ScopeOption.Read(parseResult, scopes);
            var session = await ToolSession.OpenAsync(parseResult, cancellationToken);
            var browserCommand = parseResult.GetValue(browser) ?? Environment.GetEnvironmentVariable("AUTH_TOKEN_BROWSER");
            var launcher = string.IsNullOrWhiteSpace(browserCommand) ? new SystemBrowserLauncher() : new SystemBrowserLauncher(browserCommand);
            var result = parseResult.GetValue(deviceCode)
                ? await SignIn.WithDeviceCodeAsync(session.App, requested, cancellationToken)
                : await SignIn.WithBrowserAsync(session.App, requested, launcher, cancellationToken);
            Terminal.Stdout.MarkupLine($"Signed in as [bold]{Markup.Escape(result.Account?.Username ?? "(unknown)")}[/]; scopes: {Markup.Escape(string.Join(' ', result.Scopes))}.");
            Terminal.Info($"Tokens are cached (encrypted) in {session.Settings.CacheDirectory}. Next: auth-token token --scope {requested[0]}");
            return ExitCodes.Success;
        });
        return command;
    }
}
