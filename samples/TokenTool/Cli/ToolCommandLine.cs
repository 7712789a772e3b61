using System.CommandLine;
using TokenTool.Commands;

namespace TokenTool.Cli;

/// <summary>The command tree of <c>auth-token</c>.</summary>
internal static class ToolCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("auth-token: sign in once, then print access tokens for scripts. Tokens are kept encrypted, with the key in the OS key store.");
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(LoginCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(AccountsCommand.Create());
        root.Subcommands.Add(LogoutCommand.Create());
        root.Subcommands.Add(FakeAuthorityCommand.Create());
        return root;
    }
}
