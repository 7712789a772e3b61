using Auth.Common.Authority;
using Auth.Common.Errors;

namespace Auth.Server.Applications;

/// <summary>Checks application options and reports every problem at once.</summary>
internal static class OptionsValidator
{
    /// <summary>Returns the parsed authority, or throws one exception listing every problem.</summary>
    public static AuthorityInfo Validate(ClientApplicationOptions options, IEnumerable<string> extraProblems)
    {
        var (authority, problems) = Check(options, extraProblems);
        return problems switch
        {
            [] => authority!,
            [var single] => throw single,
            _ => throw new AuthClientException(
                AuthErrorCodes.InvalidConfiguration,
                $"The application options have {problems.Count} problems: " + string.Join(" ", problems.Select((p, i) => $"({i + 1}) {p.Message}"))),
        };
    }

    /// <summary>Returns every problem's message (empty when the options are valid).</summary>
    public static IReadOnlyList<string> Problems(ClientApplicationOptions options, IEnumerable<string> extraProblems) =>
        Check(options, extraProblems).Problems.Select(p => p.Message).ToList();

    private static (AuthorityInfo? Authority, List<AuthClientException> Problems) Check(ClientApplicationOptions options, IEnumerable<string> extraProblems)
    {
        var problems = new List<AuthClientException>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            problems.Add(new(AuthErrorCodes.InvalidConfiguration, "ClientId is required: set it to the application (client) id."));
        }

        if (options.MaxAccessTokens is < 1)
        {
            problems.Add(new(AuthErrorCodes.InvalidConfiguration, "MaxAccessTokens must be at least 1 (or null for no bound)."));
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromHours(1))
        {
            problems.Add(new(AuthErrorCodes.InvalidConfiguration, "ClockSkew must be between 0 and 1 hour."));
        }

        if (options.ClientCapabilities.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add(new(AuthErrorCodes.InvalidConfiguration, "ClientCapabilities has an empty entry."));
        }

        problems.AddRange(extraProblems.Select(p => new AuthClientException(AuthErrorCodes.InvalidConfiguration, p)));

        AuthorityInfo? authority = null;
        try
        {
            authority = AuthorityInfo.Parse(options.Authority, options.ProtocolMode, options.AllowInsecureLoopbackAuthority);
            if (!(authority.Kind == AuthorityKind.EntraId && options.EnableInstanceDiscovery))
            {
                KnownAuthorityCheck.Ensure(authority, [.. options.KnownAuthorities]);
            }
        }
        catch (AuthClientException ex)
        {
            problems.Add(ex);
        }

        return (authority, problems);
    }

    /// <summary>The confidential client's own requirement: a credential.</summary>
    public static IEnumerable<string> CredentialProblems(ConfidentialClientOptions options) =>
        options.ResolveCredential() is null
            ? ["A client credential is required: set ClientCredential (ClientCredential.FromSecret, FromCertificate or FromAssertion) or ClientSecret."]
            : [];
}
