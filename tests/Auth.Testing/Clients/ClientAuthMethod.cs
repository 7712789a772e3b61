namespace Auth.Testing.Clients;

/// <summary>How a confidential client authenticated at the token endpoint.</summary>
internal enum ClientAuthMethod
{
    /// <summary><c>client_secret</c> form field (client_secret_post).</summary>
    SecretPost,

    /// <summary>HTTP Basic authorization header (client_secret_basic).</summary>
    SecretBasic,

    /// <summary>Signed JWT client assertion (private_key_jwt, RFC 7523).</summary>
    PrivateKeyJwt,
}
