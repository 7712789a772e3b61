namespace Auth.Common.Credentials;

/// <summary>How a client secret travels to the token endpoint (RFC 6749 section 2.3.1).</summary>
public enum ClientSecretTransport
{
    /// <summary>
    /// Entra ID: in the body. Other OpenID Providers: HTTP Basic when their discovery document
    /// lists <c>client_secret_basic</c> or lists no methods (the OpenID default), else the body.
    /// </summary>
    Automatic,

    /// <summary>In the request body as <c>client_secret</c> (<c>client_secret_post</c>).</summary>
    RequestBody,

    /// <summary>In an <c>Authorization: Basic</c> header (<c>client_secret_basic</c>).</summary>
    BasicAuthorization,
}
