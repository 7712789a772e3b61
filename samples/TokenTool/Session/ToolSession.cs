using System.CommandLine;
using Auth.Common.Responses;
using Auth.Server;
using TokenTool.Configuration;

namespace TokenTool.Session;

/// <summary>One run's public client application over the persistent cache, and its account lookups.</summary>
internal sealed class ToolSession
{
    private ToolSession(ToolSettings settings, PublicClientApplication app)
    {
        Settings = settings;
        App = app;
    }

    public ToolSettings Settings { get; }

    public PublicClientApplication App { get; }

    /// <summary>Reads the settings, opens the encrypted cache (failing when the key store does not work) and creates the app.</summary>
    public static async Task<ToolSession> OpenAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var settings = ToolSettings.From(parseResult);
        var cache = await TokenStorage.OpenAsync(settings.CacheDirectory, cancellationToken);
        var app = new PublicClientApplication(new PublicClientOptions
        {
            ClientId = settings.ClientId,
            Authority = settings.Authority,
            ProtocolMode = settings.Mode,
            AllowInsecureLoopbackAuthority = settings.IsLocalHttpAuthority,
            CachePlugin = cache,
        });
        return new ToolSession(settings, app);
    }

    public Task<IReadOnlyList<AccountInfo>> AccountsAsync(CancellationToken cancellationToken) =>
        App.GetTokenCache().GetAllAccountsAsync(cancellationToken);

    /// <summary>The account named by <paramref name="username"/>, or the only one.</summary>
    /// <exception cref="Auth.Common.Errors.AuthClientException"><c>no_account</c>, or <c>account_ambiguous</c> when several are signed in and none is named.</exception>
    public async Task<AccountInfo> SelectAccountAsync(string? username, CancellationToken cancellationToken) =>
        AccountSelector.Select(await AccountsAsync(cancellationToken), username);
}
