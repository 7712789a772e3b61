using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Auth.Common.Cache;

/// <summary>
/// The part of an access token's cache key that names the extra query parameters it was obtained with.
/// Parameters sent to the token endpoint can change what it issues (a slice, a feature flag, a path the
/// token is for), so a token obtained with one set is served only to requests with the same set. The
/// value is what MSAL.NET computes for its additional cache key components: SHA-256 over every name and
/// value, sorted by name (ordinal) and concatenated, in base64url. Such a token is stored with MSAL.NET's
/// credential type <c>AccessToken_Extended</c> and the hash as a last key segment.
/// </summary>
internal static class QueryParameterKey
{
    /// <summary>Returns the key of <paramref name="parameters"/>, or null when there are none (the common case costs nothing).</summary>
    public static string? Of(IReadOnlyDictionary<string, string>? parameters)
    {
        if (parameters is null || parameters.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var (name, value) in parameters.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(value);
        }

        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
