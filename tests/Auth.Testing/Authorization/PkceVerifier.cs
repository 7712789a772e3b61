using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Auth.Testing.Authorization;

/// <summary>Checks a PKCE code_verifier against an S256 code_challenge (RFC 7636 §4.6).</summary>
internal static class PkceVerifier
{
    /// <summary>True when the verifier is well-formed (43-128 unreserved characters) and base64url(SHA-256(verifier)) equals the challenge.</summary>
    public static bool Matches(string verifier, string challenge)
    {
        if (verifier.Length is < 43 or > 128 || !verifier.All(IsUnreserved))
        {
            return false;
        }

        var computed = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
