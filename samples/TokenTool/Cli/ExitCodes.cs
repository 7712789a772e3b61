namespace TokenTool.Cli;

/// <summary>The exit codes scripts can test.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An error with a code on stderr (network, authority, key store…).</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong (System.CommandLine's parse errors use 1 too, with usage on stderr).</summary>
    public const int Usage = 2;

    /// <summary>No account is signed in, or the signed-in account needs the user again: run <c>auth-token login</c>.</summary>
    public const int SignInRequired = 3;
}
