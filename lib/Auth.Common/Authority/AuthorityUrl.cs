using Auth.Common.Errors;

namespace Auth.Common.Authority;

/// <summary>Checks the shape and scheme of an authority URL.</summary>
internal static class AuthorityUrl
{
    public static Uri Validate(string? authority, bool allowInsecureLoopback)
    {
        if (string.IsNullOrWhiteSpace(authority)
            || !Uri.TryCreate(authority.Trim(), UriKind.Absolute, out var uri)
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
}
