using Auth.Common.Protocol;

namespace Auth.Server.Credentials;

/// <summary>Sends a client secret in the request body (<c>client_secret_post</c>).</summary>
internal sealed class SecretAuthenticator : IClientAuthenticator
{
    private readonly string _secret;

    public SecretAuthenticator(string secret) => _secret = secret;

    public ValueTask AddCredentialsAsync(List<KeyValuePair<string, string>> form, ClientAuthenticationContext context, CancellationToken cancellationToken)
    {
        form.Add(new("client_secret", _secret));
        return ValueTask.CompletedTask;
    }

    public override string ToString() => "client secret";
}
