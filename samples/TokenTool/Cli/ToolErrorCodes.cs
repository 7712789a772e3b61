namespace TokenTool.Cli;

/// <summary>The tool's own error codes (the library's are in <c>AuthErrorCodes</c> and <c>PersistenceErrorCodes</c>).</summary>
internal static class ToolErrorCodes
{
    /// <summary>No account is signed in (for this authority and client). Run <c>auth-token login</c>.</summary>
    public const string NoAccount = "no_account";

    /// <summary>Several accounts are signed in and the command did not say which: pass <c>--username</c>.</summary>
    public const string AccountAmbiguous = "account_ambiguous";

    /// <summary>The command line lacks something the command needs (a scope, a client id).</summary>
    public const string Usage = "usage";
}
