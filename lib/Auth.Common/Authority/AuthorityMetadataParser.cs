using System.Text.Json;
using Auth.Common.Errors;

namespace Auth.Common.Authority;

/// <summary>Reads and checks an OpenID configuration document.</summary>
internal static class AuthorityMetadataParser
{
    /// <summary>Parses <paramref name="json"/> for <paramref name="authority"/>.</summary>
    /// <exception cref="AuthClientException">The document is unreadable, incomplete, insecure or for another issuer.</exception>
    public static AuthorityMetadata Parse(string json, AuthorityInfo authority, bool allowInsecureLoopback)
    {
        OpenIdConfigurationJson? document;
        try
        {
            document = JsonSerializer.Deserialize(json, AuthorityJsonContext.Default.OpenIdConfigurationJson);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw Fail(authority, "is not valid JSON", ex);
        }

        if (document?.Issuer is not { Length: > 0 } issuer)
        {
            throw Fail(authority, "has no issuer");
        }

        if (authority.Mode == ProtocolMode.Oidc && !IssuerComparer.SameIssuer(issuer, authority.Uri))
        {
            throw Fail(authority, $"names the issuer '{issuer}', which is not the configured authority (OpenID Connect Discovery 1.0, section 4.3)");
        }

        var token = Endpoint(document.TokenEndpoint, authority, allowInsecureLoopback, "token_endpoint")
            ?? throw Fail(authority, "has no token_endpoint");
        return new AuthorityMetadata(
            issuer,
            token,
            Endpoint(document.AuthorizationEndpoint, authority, allowInsecureLoopback, "authorization_endpoint"),
            Endpoint(document.DeviceAuthorizationEndpoint, authority, allowInsecureLoopback, "device_authorization_endpoint"),
            Endpoint(document.JwksUri, authority, allowInsecureLoopback, "jwks_uri"),
            Endpoint(document.EndSessionEndpoint, authority, allowInsecureLoopback, "end_session_endpoint"),
            document.TokenEndpointSigningAlgorithms ?? [],
            document.TokenEndpointAuthMethods ?? [])
        {
            AuthorizationResponseIssuerSupported = document.AuthorizationResponseIssParameterSupported == true,
        };
    }

    private static Uri? Endpoint(string? value, AuthorityInfo authority, bool allowInsecureLoopback, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || !(uri.Scheme == "https" || (uri.Scheme == "http" && allowInsecureLoopback && uri.IsLoopback)))
        {
            throw Fail(authority, $"has a {name} that is not an absolute https URL");
        }

        return uri;
    }

    private static AuthClientException Fail(AuthorityInfo authority, string problem, Exception? inner = null) =>
        new(
            AuthErrorCodes.AuthorityMetadataFailed,
            $"The OpenID configuration of '{authority.CanonicalAuthority}' {problem}. Check the authority URL, or supply AuthorityMetadataJson.",
            inner);
}
