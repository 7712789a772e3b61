using Auth.Common.Errors;

namespace Auth.Common.Authority;

/// <summary>
/// Which authority hosts an app trusts without Entra's instance discovery vouching for them: the host (scheme, host
/// and port) of the app's configured authority, the hosts in KnownAuthorities, and, in <see cref="ProtocolMode.AzureAD"/>
/// with no KnownAuthorities set, Microsoft's own hosts (<see cref="MicrosoftHosts"/>). When the app sets
/// KnownAuthorities, that list is the whole set of non-Entra hosts it trusts (its configured authority must be on it).
/// The kind an authority URL looks like (<c>/adfs</c>, <c>/tfp/…</c>) never makes a host trusted.
/// </summary>
internal sealed class AuthorityTrust
{
    private readonly AuthorityInfo _configured;

    public AuthorityTrust(AuthorityInfo configured, IReadOnlyList<string> knownAuthorities)
    {
        _configured = configured;
        KnownAuthorities = knownAuthorities;
    }

    /// <summary>Gets the hosts the app listed in KnownAuthorities.</summary>
    public IReadOnlyList<string> KnownAuthorities { get; }

    /// <summary>Returns whether the app listed the authority's host in KnownAuthorities.</summary>
    public bool IsListed(AuthorityInfo authority) => KnownAuthorityCheck.IsListed(authority, KnownAuthorities);

    /// <summary>Returns whether the authority is on the configured authority's scheme, host and port.</summary>
    public bool IsConfiguredHost(AuthorityInfo authority) =>
        string.Equals(authority.Uri.Scheme, _configured.Uri.Scheme, StringComparison.Ordinal)
        && string.Equals(authority.HostWithPort, _configured.HostWithPort, StringComparison.Ordinal);

    /// <summary>Returns whether the app trusts the authority's host without instance discovery.</summary>
    public bool Trusts(AuthorityInfo authority) =>
        IsListed(authority)
        || IsConfiguredHost(authority)
        || (KnownAuthorities.Count == 0 && authority.Mode == ProtocolMode.AzureAD && MicrosoftHosts.Contains(authority.Host));

    /// <summary>Refuses an authority the app does not trust, before anything is sent to it.</summary>
    /// <exception cref="AuthClientException"><see cref="AuthErrorCodes.InvalidAuthority"/>.</exception>
    public void Ensure(AuthorityInfo authority)
    {
        if (Trusts(authority))
        {
            return;
        }

        var where = KnownAuthorities.Count == 0
            ? "it is not the configured authority's host, not a Microsoft cloud, and KnownAuthorities is empty"
            : "it is not in KnownAuthorities";
        throw new AuthClientException(
            AuthErrorCodes.InvalidAuthority,
            $"The authority host '{authority.HostWithPort}' is not trusted: {where}. Nothing was sent to it. If the host is yours (AD FS, a B2C custom domain, a private cloud, another OpenID Provider), add it to KnownAuthorities.");
    }
}
