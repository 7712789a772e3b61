using System.Text;
using Auth.Common.Authority;
using Auth.Common.Protocol;

namespace Auth.Server.Credentials;

/// <summary>Sends a client secret in the body (<c>client_secret_post</c>) or as HTTP Basic (<c>client_secret_basic</c>).</summary>
internal sealed class SecretAuthenticator : IClientAuthenticator
{
    private readonly string _secret;
    private readonly ClientSecretTransport _transport;

    public SecretAuthenticator(string secret, ClientSecretTransport transport)
    {
        _secret = secret;
        _transport = transport;
    }

    public ValueTask AddCredentialsAsync(TokenRequestContent request, ClientAuthenticationContext context, CancellationToken cancellationToken)
    {
        if (UseBasic(context))
        {
            // RFC 6749 2.3.1: both parts are form-urlencoded before base64; client_id then leaves the body.
            var pair = $"{Uri.EscapeDataString(context.ClientId)}:{Uri.EscapeDataString(_secret)}";
            request.Headers["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
            request.Remove("client_id");
        }
        else
        {
            request.Add("client_secret", _secret);
        }

        return ValueTask.CompletedTask;
    }

    public override string ToString() => "client secret";

    private bool UseBasic(ClientAuthenticationContext context) => _transport switch
    {
        ClientSecretTransport.BasicAuthorization => true,
        ClientSecretTransport.RequestBody => false,
        _ => context.Mode == ProtocolMode.Oidc
            && (context.AuthMethods.Count == 0 || context.AuthMethods.Contains("client_secret_basic", StringComparer.Ordinal)),
    };
}
