using Auth.Common.Credentials;

namespace Auth.Common.Tests.TestDoubles;

/// <summary>Adds a fixed client secret and records the contexts it was given.</summary>
internal sealed class FakeAuthenticator : IClientAuthenticator
{
    public List<ClientAuthenticationContext> Contexts { get; } = [];

    public ValueTask<ClientAuthentication> AuthenticateAsync(ClientAuthenticationContext context, CancellationToken cancellationToken)
    {
        lock (Contexts)
        {
            Contexts.Add(context);
        }

        return ValueTask.FromResult(ClientAuthentication.SecretInBody("test-secret"));
    }
}
