using Auth.Testing.Http;

namespace Auth.Testing.Tokens;

/// <summary>Writes the successful token response (RFC 6749 §5.1) the way Entra ID does.</summary>
internal static class TokenResponseWriter
{
    private static readonly TimeSpan RefreshInThreshold = TimeSpan.FromHours(2);

    /// <summary>
    /// <c>token_type</c>, <c>expires_in</c>, <c>ext_expires_in</c> (same value), <c>refresh_in</c>
    /// (half the lifetime, only for lifetimes of 2 hours or more) and <c>access_token</c>.
    /// </summary>
    public static HttpReply Success(IssuedToken token)
    {
        var seconds = (long)token.Lifetime.TotalSeconds;
        var json = JsonText.Object(writer =>
        {
            writer.WriteString("token_type", "Bearer");
            writer.WriteNumber("expires_in", seconds);
            writer.WriteNumber("ext_expires_in", seconds);
            if (token.Lifetime >= RefreshInThreshold)
            {
                writer.WriteNumber("refresh_in", seconds / 2);
            }

            writer.WriteString("access_token", token.AccessToken);
        });

        return HttpReply.Json(200, json).NoStore();
    }
}
