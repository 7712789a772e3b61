using Auth.Common.Protocol;

namespace Auth.Common.Tests.TestDoubles;

/// <summary>Adds a fixed client secret and records the contexts it was given.</summary>
internal sealed class FakeAuthenticator : IClientAuthenticator
{
    public List<ClientAuthenticationContext> Contexts { get; } = [];

    public ValueTask AddCredentialsAsync(TokenRequestContent request, ClientAuthenticationContext context, CancellationToken cancellationToken)
    {
        lock (Contexts)
        {
            Contexts.Add(context);
        }

        request.Add("client_secret", "test-secret");
        return ValueTask.CompletedTask;
    }
}
