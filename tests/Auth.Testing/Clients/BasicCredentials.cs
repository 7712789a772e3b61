using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Auth.Testing.Clients;

/// <summary>client_secret_basic credentials (RFC 6749 §2.3.1: form-urlencoded id and secret, then Base64).</summary>
internal sealed record BasicCredentials(string ClientId, string ClientSecret)
{
    /// <summary>Reads the <c>Authorization</c> header; <paramref name="malformed"/> is set when it is Basic but unreadable.</summary>
    public static bool TryRead(string? authorization, [NotNullWhen(true)] out BasicCredentials? credentials, out bool malformed)
    {
        credentials = null;
        malformed = false;
        const string Scheme = "Basic ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[Scheme.Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                malformed = true;
                return false;
            }

            credentials = new BasicCredentials(Unescape(decoded[..colon]), Unescape(decoded[(colon + 1)..]));
            return true;
        }
        catch (FormatException)
        {
            malformed = true;
            return false;
        }
    }

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"BasicCredentials {{ ClientId = {ClientId} }}";

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
