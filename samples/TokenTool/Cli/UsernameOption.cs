using System.CommandLine;

namespace TokenTool.Cli;

/// <summary>The <c>--username</c> option: which signed-in account, when there are several.</summary>
internal static class UsernameOption
{
    public static Option<string?> Create(string description) => new("--username", "-u") { Description = description };
}
