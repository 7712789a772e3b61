using System.CommandLine;
using Auth.Common.Responses;
using TokenTool.Cli;
using TokenTool.Output;
using TokenTool.Session;

namespace TokenTool.Commands;

/// <summary><c>auth-token logout [--username u | --all]</c>: removes accounts and their tokens from the cache.</summary>
internal static class LogoutCommand
{
    public static Command Create()
    {
        var username = UsernameOption.Create("The account to sign out (needed when several are signed in)");
        var all = new Option<bool>("--all") { Description = "Sign every account out" };
        var command = new Command("logout", "Remove an account (or --all) and its tokens from the cache");
        command.Options.Add(username);
        command.Options.Add(all);
        CommandRunner.SetAction(command, async (parseResult, cancellationToken) =>
        {
            var session = await ToolSession.OpenAsync(parseResult, cancellationToken);
            var accounts = await session.AccountsAsync(cancellationToken);
            IReadOnlyList<AccountInfo> leaving = parseResult.GetValue(all) ? accounts : [AccountSelector.Select(accounts, parseResult.GetValue(username))];
            foreach (var account in leaving)
            {
                await session.App.GetTokenCache().RemoveAccountAsync(account, cancellationToken);
                Console.Out.WriteLine($"Signed out {account.Username}.");
            }

            if (leaving.Count == 0)
            {
                Terminal.Info("No account was signed in.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
