using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Auth.Testing.B2C;

/// <summary>
/// B2C's single sign-on session, as a browser cookie: set when a user signs in, signs up or resets their password, and
/// read by the edit profile policy to know who is editing. Cookies never reach the sample app (another origin).
/// </summary>
internal sealed class B2CSessions
{
    public const string CookieName = "fake_b2c_sso";

    private readonly ConcurrentDictionary<string, string> _usernames = new(StringComparer.Ordinal);

    /// <summary>The username of the session the <c>Cookie</c> header names, or <see langword="null"/>.</summary>
    public string? UsernameOf(string? cookieHeader)
    {
        foreach (var pair in (cookieHeader ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals] == CookieName && _usernames.TryGetValue(pair[(equals + 1)..], out var username))
            {
                return username;
            }
        }

        return null;
    }

    /// <summary>Starts a session for <paramref name="username"/>; returns the <c>Set-Cookie</c> header value.</summary>
    public string Start(string username, bool secure)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _usernames[id] = username;
        return $"{CookieName}={id}; Path=/; HttpOnly; SameSite=Lax{(secure ? "; Secure" : string.Empty)}";
    }
}
