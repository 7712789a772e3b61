using Auth.Testing.Http;

namespace Auth.Testing.Tokens;

/// <summary>Writes the successful token response (RFC 6749 §5.1) the way Entra ID does.</summary>
internal static class TokenResponseWriter
{
    private static readonly TimeSpan RefreshInThreshold = TimeSpan.FromHours(2);

    /// <summary>
    /// <c>token_type</c>, <c>scope</c> (user grants), <c>expires_in</c>, <c>ext_expires_in</c> (same value),
    /// <c>refresh_in</c> (half the lifetime, only for lifetimes of 2 hours or more), <c>access_token</c>, then for
    /// user grants <c>refresh_token</c>, <c>id_token</c>, <c>client_info</c> and <c>spa_code</c> when present.
    /// </summary>
    public static HttpReply Success(IssuedToken token, UserTokens? user = null)
    {
        var seconds = (long)token.Lifetime.TotalSeconds;
        var json = JsonText.Object(writer =>
        {
            writer.WriteString("token_type", "Bearer");
            if (user is not null)
            {
                writer.WriteString("scope", user.Scope);
            }

            writer.WriteNumber("expires_in", seconds);
            writer.WriteNumber("ext_expires_in", seconds);
            if (token.Lifetime >= RefreshInThreshold)
            {
                writer.WriteNumber("refresh_in", seconds / 2);
            }

            writer.WriteString("access_token", token.AccessToken);
            WriteIfSet(writer, "refresh_token", user?.RefreshToken);
            WriteIfSet(writer, "id_token", user?.IdToken);
            WriteIfSet(writer, "client_info", user?.ClientInfo);
            WriteIfSet(writer, "spa_code", user?.SpaCode);
        });

        return HttpReply.Json(200, json).NoStore();
    }

    private static void WriteIfSet(System.Text.Json.Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
