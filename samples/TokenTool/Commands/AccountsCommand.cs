using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using TokenTool.Cli;
using TokenTool.Output;
using TokenTool.Session;

namespace TokenTool.Commands;

/// <summary><c>auth-token accounts [--json]</c>: the accounts in the cache.</summary>
internal static class AccountsCommand
{
    public static Command Create()
    {
        var json = JsonOption.Create();
        var command = new Command("accounts", "List the signed-in accounts");
        command.Options.Add(json);
        CommandRunner.SetAction(command, async (parseResult, cancellationToken) =>
        {
            var session = await ToolSession.OpenAsync(parseResult, cancellationToken);
            var accounts = (await session.AccountsAsync(cancellationToken)).Select(AccountView.From).ToList();
            if (parseResult.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize<IReadOnlyList<AccountView>>(accounts, ToolJson.Default.IReadOnlyListAccountView));
            }
            else if (accounts.Count == 0)
            {
                Terminal.Info("No account is signed in: run auth-token login.");
            }
            else
            {
                var table = new Table().AddColumns("username", "name", "tenant", "authority host");
                accounts.ForEach(a => table.AddRow(Markup.Escape(a.Username ?? ""), Markup.Escape(a.Name ?? ""), Markup.Escape(a.TenantId ?? ""), Markup.Escape(a.Environment)));
                Terminal.Stdout.Write(table);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
