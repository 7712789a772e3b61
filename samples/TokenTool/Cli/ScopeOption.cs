using System.CommandLine;
using Auth.Common.Errors;

namespace TokenTool.Cli;

/// <summary>The repeatable <c>--scope</c> option (AUTH_SCOPE, space-separated, when it is not given).</summary>
internal static class ScopeOption
{
    public static Option<string[]> Create(string description) => new("--scope", "-s")
    {
        Description = description + " (repeatable; AUTH_SCOPE when none is given)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <exception cref="AuthClientException"><c>usage</c> when neither the option nor AUTH_SCOPE names a scope.</exception>
    public static IReadOnlyList<string> Read(ParseResult parseResult, Option<string[]> option)
    {
        var scopes = parseResult.GetValue(option) is { Length: > 0 } given
            ? given
            : (Environment.GetEnvironmentVariable("AUTH_SCOPE") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return scopes.Length > 0
            ? scopes
            : throw new AuthClientException(ToolErrorCodes.Usage, "Pass at least one --scope (for example --scope api://sample-api/read), or set AUTH_SCOPE.");
    }
}
