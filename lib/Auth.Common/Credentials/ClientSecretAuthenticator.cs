using Auth.Common.Authority;

namespace Auth.Common.Credentials;

/// <summary>Authenticates with a client secret, in the body (<c>client_secret_post</c>) or as HTTP Basic (<c>client_secret_basic</c>).</summary>
public sealed class ClientSecretAuthenticator : IClientAuthenticator
{
    private readonly string _secret;
    private readonly ClientSecretTransport _transport;

    /// <summary>Creates the authenticator.</summary>
    /// <param name="secret">The client secret.</param>
    /// <param name="transport">How the secret travels; <see cref="ClientSecretTransport.Automatic"/> follows the authority.</param>
    public ClientSecretAuthenticator(string secret, ClientSecretTransport transport = ClientSecretTransport.Automatic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        _secret = secret;
        _transport = transport;
    }

    /// <inheritdoc/>
    public ValueTask<ClientAuthentication> AuthenticateAsync(ClientAuthenticationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(UseBasic(context) ? ClientAuthentication.Basic(context.ClientId, _secret) : ClientAuthentication.SecretInBody(_secret));
    }

    /// <summary>Names the credential, never the secret.</summary>
    /// <returns>A string safe to log.</returns>
    public override string ToString() => "client secret";

    private bool UseBasic(ClientAuthenticationContext context) => _transport switch
    {
        ClientSecretTransport.BasicAuthorization => true,
        ClientSecretTransport.RequestBody => false,
        _ => context.Mode == ProtocolMode.Oidc
            && (context.AuthMethods.Count == 0 || context.AuthMethods.Contains("client_secret_basic", StringComparer.Ordinal)),
    };
}
