using Auth.Common.Errors;

namespace Auth.Common.Authority;

/// <summary>Matches an authority against the app's KnownAuthorities: entries are host names, with a port when it matters.</summary>
internal static class KnownAuthorityCheck
{
    /// <summary>Returns whether <paramref name="knownAuthorities"/> lists the authority's host (any port) or its host and port.</summary>
    public static bool IsListed(AuthorityInfo authority, IReadOnlyList<string> knownAuthorities)
    {
        for (var i = 0; i < knownAuthorities.Count; i++)
        {
            var entry = knownAuthorities[i].Trim();
            if (string.Equals(entry, authority.Host, StringComparison.OrdinalIgnoreCase)
                || string.Equals(entry, authority.HostWithPort, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Refuses an authority whose host is not in KnownAuthorities, when the app set any.</summary>
    /// <exception cref="AuthClientException"><see cref="AuthErrorCodes.InvalidAuthority"/>.</exception>
    public static void Ensure(AuthorityInfo authority, IReadOnlyList<string> knownAuthorities)
    {
        if (knownAuthorities.Count == 0 || IsListed(authority, knownAuthorities))
        {
            return;
        }

        throw new AuthClientException(
            AuthErrorCodes.InvalidAuthority,
            $"The authority host '{authority.HostWithPort}' is not in KnownAuthorities. Add it there, or use one of the listed hosts.");
    }
}
