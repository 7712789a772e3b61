using System.CommandLine;

namespace TokenTool.Cli;

/// <summary>The <c>--json</c> flag of the commands whose output scripts read.</summary>
internal static class JsonOption
{
    public static Option<bool> Create() => new("--json") { Description = "Print JSON on stdout" };
}
