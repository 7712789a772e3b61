using Auth.Common.Authority;
using Auth.Common.Errors;

namespace Auth.Common.Clients;

/// <summary>Checks <see cref="TokenClientOptions"/> and reports every problem at once.</summary>
internal static class TokenClientValidation
{
    /// <summary>Returns the parsed authority, or throws: the problem itself when there is one, else one exception listing them all.</summary>
    public static AuthorityInfo Validate(TokenClientOptions options)
    {
        var (authority, problems) = Check(options);
        return problems switch
        {
            [] => authority!,
            [var single] => throw single,
            _ => throw new AuthClientException(
                AuthErrorCodes.InvalidConfiguration,
                $"The application options have {problems.Count} problems: " + string.Join(" ", problems.Select((p, i) => $"({i + 1}) {p.Message}"))),
        };
    }

    public static (AuthorityInfo? Authority, List<AuthClientException> Problems) Check(TokenClientOptions options)
    {
        var problems = new List<AuthClientException>();
        void Problem(string message) => problems.Add(new(AuthErrorCodes.InvalidConfiguration, message));

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            Problem("ClientId is required: set it to the application (client) id.");
        }

        if (options.MaxAccessTokens is < 1)
        {
            Problem("MaxAccessTokens must be at least 1 (or null for no bound).");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromHours(1))
        {
            Problem("ClockSkew must be between 0 and 1 hour.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            Problem("RetryDelay must be between 0 and 1 minute.");
        }

        if (options.ClientCapabilities.Any(string.IsNullOrWhiteSpace))
        {
            Problem("ClientCapabilities has an empty entry.");
        }

        static bool NotAHost(string? entry) => string.IsNullOrWhiteSpace(entry) || entry.Contains('/', StringComparison.Ordinal);
        if (options.KnownAuthorities.Any(NotAHost))
        {
            Problem($"KnownAuthorities lists host names, such as 'adfs.contoso.com' or 'idp.example.com:8443', not URLs or empty entries ('{options.KnownAuthorities.First(NotAHost)}').");
        }

        if (!Enum.IsDefined(options.CacheDialect))
        {
            Problem("CacheDialect must be MsalNet or MsalNode.");
        }

        if (options.NetworkClient is null)
        {
            Problem("NetworkClient is required: pass the INetworkClient that sends this host's HTTP requests.");
        }

        if (options.CryptoProvider is null)
        {
            Problem("CryptoProvider is required: pass the ICryptoProvider of this host.");
        }

        AuthorityInfo? authority = null;
        try
        {
            authority = AuthorityInfo.Parse(options.Authority, options.ProtocolMode, options.AllowInsecureLoopbackAuthority, options.CacheDialect);
            if (!(AuthorityValidator.IsEntraInstance(authority) && options.EnableInstanceDiscovery))
            {
                KnownAuthorityCheck.Ensure(authority, options.KnownAuthorities);
            }
        }
        catch (AuthClientException ex)
        {
            problems.Add(ex);
        }

        return (authority, problems);
    }
}
