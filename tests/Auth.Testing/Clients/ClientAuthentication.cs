using Auth.Testing.Errors;

namespace Auth.Testing.Clients;

/// <summary>The outcome of client authentication: an authenticated client, or the error to answer with.</summary>
internal sealed class ClientAuthentication
{
    private ClientAuthentication(RegisteredClient? client, ClientAuthMethod method, AadError? error)
    {
        Client = client;
        Method = method;
        Error = error;
    }

    public RegisteredClient? Client { get; }

    public ClientAuthMethod Method { get; }

    public AadError? Error { get; }

    public static ClientAuthentication Success(RegisteredClient client, ClientAuthMethod method) => new(client, method, null);

    public static ClientAuthentication Failure(AadError error) => new(null, default, error);
}
