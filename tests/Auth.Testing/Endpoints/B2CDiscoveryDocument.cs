using Auth.Testing.Http;

namespace Auth.Testing.Endpoints;

/// <summary>
/// Azure AD B2C's metadata for one policy: issuer <c>{origin}/{tenant id}/v2.0/</c> (trailing slash, tenant GUID),
/// endpoints under <c>{origin}/{tenant}/{policy in lower case}/</c>, no device authorization endpoint.
/// </summary>
internal static class B2CDiscoveryDocument
{
    public static string Write(AuthorityProfile profile, IEnumerable<string> grantTypes) => JsonText.Object(writer =>
    {
        writer.WriteString("issuer", profile.DocumentIssuer);
        writer.WriteString("authorization_endpoint", profile.Authorize);
        writer.WriteString("token_endpoint", profile.Token);
        writer.WriteString("end_session_endpoint", profile.Logout);
        writer.WriteString("jwks_uri", profile.Jwks);
        JsonText.WriteStringArray(writer, "response_modes_supported", ["query", "fragment", "form_post"]);
        JsonText.WriteStringArray(writer, "response_types_supported", ["code", "code id_token", "code token", "code id_token token", "id_token", "id_token token", "token", "token id_token"]);
        JsonText.WriteStringArray(writer, "scopes_supported", ["openid"]);
        JsonText.WriteStringArray(writer, "subject_types_supported", ["pairwise"]);
        JsonText.WriteStringArray(writer, "id_token_signing_alg_values_supported", ["RS256"]);
        JsonText.WriteStringArray(writer, "token_endpoint_auth_methods_supported", ["client_secret_post", "client_secret_basic", "private_key_jwt"]);
        JsonText.WriteStringArray(writer, "grant_types_supported", grantTypes.Where(grant => !grant.Contains("device_code", StringComparison.Ordinal)));
        JsonText.WriteStringArray(writer, "claims_supported", ["name", "emails", "oid", "sub", "idp", "tfp", "iss", "iat", "exp", "aud", "acr", "nonce", "auth_time"]);
    });
}
