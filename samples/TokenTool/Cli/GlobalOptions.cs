using System.CommandLine;

namespace TokenTool.Cli;

/// <summary>The options every command takes (recursive), each with its environment variable as fallback.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Authority = new("--authority")
    {
        Description = "The authority (AUTH_AUTHORITY); default: the local fake authority of `auth-token fake-authority`",
        Recursive = true,
    };

    public static readonly Option<string?> ClientId = new("--client-id")
    {
        Description = "The application (client) id (AUTH_CLIENT_ID); required with --authority",
        Recursive = true,
    };

    public static readonly Option<string?> Protocol = new("--protocol")
    {
        Description = "aad (default) or oidc for any OpenID Provider (AUTH_PROTOCOL)",
        Recursive = true,
    };

    public static readonly Option<string?> CacheDirectory = new("--cache-dir")
    {
        Description = "Where the encrypted token cache lives (AUTH_TOKEN_CACHE_DIR); default: a per-user directory",
        Recursive = true,
    };

    public static void AddTo(Command root)
    {
        root.Options.Add(Authority);
        root.Options.Add(ClientId);
        root.Options.Add(Protocol);
        root.Options.Add(CacheDirectory);
    }
}
