using Auth.Common.Errors;

namespace Auth.Common.Authority;

/// <summary>Checks the shape and scheme of an authority URL.</summary>
internal static class AuthorityUrl
{
    public static Uri Validate(string? authority, bool allowInsecureLoopback)
    {
        if (string.IsNullOrWhiteSpace(authority)
            || !TryCreate(authority.Trim(), out var uri)
            || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new AuthClientException(
                AuthErrorCodes.InvalidAuthority,
                "The authority must be an absolute https URL without query, fragment or user info, such as https://login.microsoftonline.com/{tenant}.");
        }

        if (uri.Scheme == "http" && !(allowInsecureLoopback && uri.IsLoopback))
        {
            throw new AuthClientException(
                AuthErrorCodes.InsecureAuthority,
                $"The authority '{uri.GetLeftPart(UriPartial.Authority)}' is not https. Tokens are only requested over https; for a loopback test authority set AllowInsecureLoopbackAuthority.");
        }

        return uri;
    }

    /// <summary>
    /// <see cref="Uri.TryCreate(string, UriKind, out Uri)"/>, which itself throws
    /// IndexOutOfRangeException for some inputs (found by fuzzing: <c>"//\u202e/htps:\u0014:/\r/con"</c>).
    /// </summary>
    public static bool TryCreate(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri)
    {
        try
        {
            return Uri.TryCreate(text, UriKind.Absolute, out uri);
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or UriFormatException)
        {
            uri = null;
            return false;
        }
    }
}
