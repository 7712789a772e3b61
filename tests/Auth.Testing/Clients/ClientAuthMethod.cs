namespace Auth.Testing.Clients;

/// <summary>How a client authenticated at the token endpoint.</summary>
internal enum ClientAuthMethod
{
    /// <summary>No client authentication: a public client using a user grant.</summary>
    None,

    /// <summary><c>client_secret</c> form field (client_secret_post).</summary>
    SecretPost,

    /// <summary>HTTP Basic authorization header (client_secret_basic).</summary>
    SecretBasic,

    /// <summary>Signed JWT client assertion (private_key_jwt, RFC 7523).</summary>
    PrivateKeyJwt,
}
