namespace Auth.Testing.Errors;

/// <summary>Errors a strict, certified OpenID Provider (node oidc-provider) answers: plain RFC 6749 §5.2 errors, without AADSTS fields.</summary>
internal static class OidcProviderErrors
{
    /// <summary>A refresh asked for a scope the refresh token's grant does not hold (RFC 6749 §6), in oidc-provider's words.</summary>
    public static AadError RefreshTokenMissingScope() =>
        new(400, "invalid_scope", AadError.PlainOAuth, "refresh token missing requested scope");
}
