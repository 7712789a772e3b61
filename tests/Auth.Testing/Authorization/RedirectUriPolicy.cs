using Auth.Testing.Clients;

namespace Auth.Testing.Authorization;

/// <summary>
/// Which redirect URIs a client may use: any <c>http</c> loopback URI (<c>127.0.0.1</c>, <c>[::1]</c> or
/// <c>localhost</c>, any port and path; RFC 8252 §7.3) for every client, and the URIs registered for it, matched
/// exactly. URIs with a fragment are never allowed (RFC 6749 §3.1.2).
/// </summary>
internal static class RedirectUriPolicy
{
    public static bool IsAllowed(RegisteredClient client, string redirectUri)
    {
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0 || redirectUri.Contains('#', StringComparison.Ordinal))
        {
            return false;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && uri.UserInfo.Length == 0)
        {
            return true;
        }

        return client.RedirectUris.Contains(redirectUri, StringComparer.Ordinal);
    }
}
