using Auth.Testing.Http;

namespace Auth.Testing.Endpoints;

/// <summary>The OpenID Provider metadata (OpenID Connect Discovery 1.0 §3) in Entra ID's v2.0 shape.</summary>
internal sealed class DiscoveryDocument
{
    private readonly AuthorityUrls _urls;
    private readonly IReadOnlyCollection<string> _grantTypes;

    /// <param name="urls">The URL layout.</param>
    /// <param name="grantTypes">The grant types the token endpoint actually serves.</param>
    public DiscoveryDocument(AuthorityUrls urls, IReadOnlyCollection<string> grantTypes)
    {
        _urls = urls;
        _grantTypes = grantTypes;
    }

    /// <summary>The document for a tenant path segment; its issuer is <c>{BaseUri}{tenant}/v2.0</c>.</summary>
    public HttpReply For(string tenant)
    {
        var json = JsonText.Object(writer =>
        {
            writer.WriteString("token_endpoint", _urls.Token(tenant));
            JsonText.WriteStringArray(writer, "token_endpoint_auth_methods_supported", ["client_secret_post", "private_key_jwt", "client_secret_basic"]);
            JsonText.WriteStringArray(writer, "token_endpoint_auth_signing_alg_values_supported", ["RS256", "PS256"]);
            writer.WriteString("jwks_uri", _urls.Jwks(tenant));
            JsonText.WriteStringArray(writer, "response_modes_supported", ["query", "fragment", "form_post"]);
            JsonText.WriteStringArray(writer, "subject_types_supported", ["pairwise"]);
            JsonText.WriteStringArray(writer, "id_token_signing_alg_values_supported", ["RS256"]);
            JsonText.WriteStringArray(writer, "response_types_supported", ["code", "id_token", "code id_token", "id_token token"]);
            JsonText.WriteStringArray(writer, "scopes_supported", ["openid", "profile", "email", "offline_access"]);
            JsonText.WriteStringArray(writer, "code_challenge_methods_supported", ["S256"]);
            JsonText.WriteStringArray(writer, "grant_types_supported", _grantTypes.Order(StringComparer.Ordinal));
            writer.WriteString("issuer", _urls.Issuer(tenant));
            writer.WriteBoolean("request_uri_parameter_supported", false);
            writer.WriteString("authorization_endpoint", _urls.Authorize(tenant));
            writer.WriteString("device_authorization_endpoint", _urls.DeviceCode(tenant));
            writer.WriteBoolean("http_logout_supported", true);
            writer.WriteBoolean("frontchannel_logout_supported", true);
            writer.WriteString("end_session_endpoint", _urls.Logout(tenant));
            JsonText.WriteStringArray(writer, "claims_supported", ["sub", "iss", "aud", "exp", "iat", "nbf", "name", "oid", "tid", "preferred_username", "email", "nonce"]);
            writer.WriteNull("tenant_region_scope");
            writer.WriteString("cloud_instance_name", _urls.BaseUri.Host);
        });

        return HttpReply.Json(200, json);
    }
}
