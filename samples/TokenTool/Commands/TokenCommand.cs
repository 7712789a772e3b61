using System.CommandLine;
using System.Text.Json;
using Auth.Common.Requests;
using TokenTool.Cli;
using TokenTool.Output;
using TokenTool.Session;

namespace TokenTool.Commands;

/// <summary>
/// <c>auth-token token --scope … [--username u] [--json]</c>: prints only the access token on stdout, silently from
/// the cache (refreshed with the refresh token when it expired), for <c>$(…)</c> in scripts.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var scopes = ScopeOption.Create("A scope the token is for");
        var username = UsernameOption.Create("The account, when several are signed in");
        var json = JsonOption.Create();
        var forceRefresh = new Option<bool>("--force-refresh") { Description = "Skip the cached access token and redeem the refresh token" };
        var command = new Command("token", "Print an access token from the cache (stdout: the token only)");
        command.Options.Add(scopes);
        command.Options.Add(username);
        command.Options.Add(json);
        command.Options.Add(forceRefresh);
        CommandRunner.SetAction(command, async (parseResult, cancellationToken) =>
        {
            var requested = ScopeOption.Read(parseResult, scopes);
            var session = await ToolSession.OpenAsync(parseResult, cancellationToken);
            var account = await session.SelectAccountAsync(parseResult.GetValue(username), cancellationToken);
            var result = await session.App.AcquireTokenSilentAsync(
                new SilentFlowRequest { Scopes = requested, Account = account, ForceRefresh = parseResult.GetValue(forceRefresh) },
                cancellationToken);
            Console.Out.WriteLine(parseResult.GetValue(json) ? JsonSerializer.Serialize(TokenView.From(result), ToolJson.Default.TokenView) : result.AccessToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
