using Auth.Testing.Http;

namespace Auth.Testing.Endpoints;

/// <summary>
/// AD FS metadata: issuer <c>{origin}/adfs</c>, <c>access_token_issuer</c> <c>http://{host}/adfs/services/trust</c>,
/// endpoints <c>/adfs/oauth2/authorize|token|devicecode|logout</c> and keys at <c>/adfs/discovery/keys</c>.
/// </summary>
internal static class AdfsDiscoveryDocument
{
    public static string Write(AuthorityProfile profile, IEnumerable<string> grantTypes) => JsonText.Object(writer =>
    {
        writer.WriteString("issuer", profile.DocumentIssuer);
        writer.WriteString("authorization_endpoint", profile.Authorize);
        writer.WriteString("token_endpoint", profile.Token);
        writer.WriteString("jwks_uri", profile.Jwks);
        JsonText.WriteStringArray(writer, "token_endpoint_auth_methods_supported", ["client_secret_post", "client_secret_basic", "private_key_jwt", "windows_client_authentication"]);
        JsonText.WriteStringArray(writer, "response_types_supported", ["code", "id_token", "code id_token", "id_token token", "code token", "code id_token token"]);
        JsonText.WriteStringArray(writer, "response_modes_supported", ["query", "fragment", "form_post"]);
        JsonText.WriteStringArray(writer, "grant_types_supported", grantTypes);
        JsonText.WriteStringArray(writer, "subject_types_supported", ["pairwise"]);
        JsonText.WriteStringArray(writer, "scopes_supported", ["openid", "profile", "email", "allatclaims", "offline_access", "user_impersonation"]);
        JsonText.WriteStringArray(writer, "id_token_signing_alg_values_supported", ["RS256"]);
        JsonText.WriteStringArray(writer, "token_endpoint_auth_signing_alg_values_supported", ["RS256"]);
        writer.WriteString("access_token_issuer", profile.AccessTokenIssuer(profile.Tenant));
        JsonText.WriteStringArray(writer, "claims_supported", ["aud", "iss", "iat", "exp", "auth_time", "nonce", "at_hash", "c_hash", "sub", "upn", "unique_name", "pwd_url", "pwd_exp", "mfa_auth_time", "sid", "nbf"]);
        writer.WriteBoolean("microsoft_multi_refresh_token", true);
        writer.WriteString("end_session_endpoint", profile.Logout);
        writer.WriteBoolean("frontchannel_logout_supported", true);
        writer.WriteString("device_authorization_endpoint", profile.DeviceCode);
        JsonText.WriteStringArray(writer, "code_challenge_methods_supported", ["S256"]);
    });
}
