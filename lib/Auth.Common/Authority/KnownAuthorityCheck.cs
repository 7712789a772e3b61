using Auth.Common.Errors;

namespace Auth.Common.Authority;

/// <summary>Refuses an authority whose host is not in the app's KnownAuthorities (when it set any).</summary>
internal static class KnownAuthorityCheck
{
    public static void Ensure(AuthorityInfo authority, IReadOnlyList<string> knownAuthorities)
    {
        if (knownAuthorities.Count == 0
            || knownAuthorities.Any(k => string.Equals(k.Trim(), authority.Host, StringComparison.OrdinalIgnoreCase)
                                      || string.Equals(k.Trim(), authority.HostWithPort, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        throw new AuthClientException(
            AuthErrorCodes.InvalidAuthority,
            $"The authority host '{authority.HostWithPort}' is not in KnownAuthorities. Add it there, or use one of the listed hosts.");
    }
}
