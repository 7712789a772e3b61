using System.CommandLine;
using Auth.Common.Authority;
using Auth.Common.Errors;
using TokenTool.Cli;

namespace TokenTool.Configuration;

/// <summary>What the command line and the environment (AUTH_AUTHORITY, AUTH_CLIENT_ID, AUTH_PROTOCOL, AUTH_TOKEN_CACHE_DIR) say, an option winning over its variable.</summary>
internal sealed record ToolSettings
{
    public required string Authority { get; init; }

    public required string ClientId { get; init; }

    public required ProtocolMode Mode { get; init; }

    public required string CacheDirectory { get; init; }

    /// <summary>
    /// Gets whether the authority is plain http on loopback, which only a local development authority such as
    /// <c>auth-token fake-authority</c> is: the user named it, and the library still refuses http anywhere else.
    /// </summary>
    public bool IsLocalHttpAuthority => Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;

    public static ToolSettings From(ParseResult parseResult)
    {
        var authority = Value(parseResult, GlobalOptions.Authority, "AUTH_AUTHORITY");
        var clientId = Value(parseResult, GlobalOptions.ClientId, "AUTH_CLIENT_ID");
        if (authority is not null && clientId is null)
        {
            throw new AuthClientException(ToolErrorCodes.Usage, "Pass --client-id (or set AUTH_CLIENT_ID) together with --authority.");
        }

        var protocol = Value(parseResult, GlobalOptions.Protocol, "AUTH_PROTOCOL");
        return new ToolSettings
        {
            Authority = authority ?? FakeDefaults.AuthorityFor(FakeDefaults.Port),
            ClientId = clientId ?? FakeDefaults.ClientId,
            Mode = protocol?.ToLowerInvariant() switch
            {
                null or "aad" or "azuread" => ProtocolMode.AzureAD,
                "oidc" => ProtocolMode.Oidc,
                _ => throw new AuthClientException(ToolErrorCodes.Usage, $"Unknown protocol '{protocol}': use aad or oidc."),
            },
            CacheDirectory = Value(parseResult, GlobalOptions.CacheDirectory, "AUTH_TOKEN_CACHE_DIR") ?? DefaultCacheDirectory(),
        };
    }

    /// <summary>The per-user data directory: ~/.local/share/auth-token on Linux, %LOCALAPPDATA%\auth-token on Windows, ~/Library/Application Support/auth-token on macOS.</summary>
    private static string DefaultCacheDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "auth-token");

    private static string? Value(ParseResult parseResult, Option<string?> option, string variable)
    {
        var value = parseResult.GetValue(option) ?? Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
