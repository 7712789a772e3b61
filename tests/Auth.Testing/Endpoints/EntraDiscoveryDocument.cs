using Auth.Testing.Clouds;
using Auth.Testing.Http;

namespace Auth.Testing.Endpoints;

/// <summary>
/// Entra ID's v2.0 metadata (CIAM too): issuer <c>{origin}/{tenant id}/v2.0</c>, <c>{origin}/{tenantid}/v2.0</c> literally for
/// <c>common</c> and other segments that are not tenant ids (CIAM <c>https://{tid}.ciamlogin.com/{tid}/v2.0</c>),
/// endpoints under <c>{origin}/{tenant}/</c>, and the cloud's <c>cloud_instance_name</c>.
/// </summary>
internal static class EntraDiscoveryDocument
{
    public static string Write(AuthorityProfile profile, IEnumerable<string> grantTypes) => JsonText.Object(writer =>
    {
        writer.WriteString("token_endpoint", profile.Token);
        JsonText.WriteStringArray(writer, "token_endpoint_auth_methods_supported", ["client_secret_post", "private_key_jwt", "client_secret_basic"]);
        JsonText.WriteStringArray(writer, "token_endpoint_auth_signing_alg_values_supported", ["RS256", "PS256"]);
        writer.WriteString("jwks_uri", profile.Jwks);
        JsonText.WriteStringArray(writer, "response_modes_supported", ["query", "fragment", "form_post"]);
        JsonText.WriteStringArray(writer, "subject_types_supported", ["pairwise"]);
        JsonText.WriteStringArray(writer, "id_token_signing_alg_values_supported", ["RS256"]);
        JsonText.WriteStringArray(writer, "response_types_supported", ["code", "id_token", "code id_token", "id_token token"]);
        JsonText.WriteStringArray(writer, "scopes_supported", ["openid", "profile", "email", "offline_access"]);
        JsonText.WriteStringArray(writer, "code_challenge_methods_supported", ["S256"]);
        JsonText.WriteStringArray(writer, "grant_types_supported", grantTypes);
        writer.WriteString("issuer", profile.DocumentIssuer);
        writer.WriteBoolean("request_uri_parameter_supported", false);
        writer.WriteString("authorization_endpoint", profile.Authorize);
        writer.WriteString("device_authorization_endpoint", profile.DeviceCode);
        writer.WriteBoolean("http_logout_supported", true);
        writer.WriteBoolean("frontchannel_logout_supported", true);
        writer.WriteString("end_session_endpoint", profile.Logout);
        JsonText.WriteStringArray(writer, "claims_supported", ["sub", "iss", "aud", "exp", "iat", "nbf", "name", "oid", "tid", "preferred_username", "email", "nonce"]);
        writer.WriteNull("tenant_region_scope");
        writer.WriteString("cloud_instance_name", CloudInstanceName(profile));
    });

    /// <summary><c>microsoftonline.com</c> and the like for known clouds and their regions, <c>ciamlogin.com</c> for CIAM, else the host.</summary>
    private static string CloudInstanceName(AuthorityProfile profile) =>
        profile.Kind == AuthorityKind.Ciam ? "ciamlogin.com" : EntraClouds.CloudOf(profile.Host)?.CloudInstanceName ?? profile.Host;
}
