using Auth.Common.Errors;
using Auth.Common.Protocol;

namespace Auth.Server.Credentials;

/// <summary>Sends a client assertion supplied by the app's callback.</summary>
internal sealed class AssertionAuthenticator : IClientAuthenticator
{
    private const string JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private readonly Func<ClientAssertionContext, CancellationToken, Task<string>> _provider;

    public AssertionAuthenticator(Func<ClientAssertionContext, CancellationToken, Task<string>> provider) => _provider = provider;

    public static void AddAssertion(TokenRequestContent request, string assertion)
    {
        request.Add("client_assertion_type", JwtBearerType);
        request.Add("client_assertion", assertion);
    }

    public async ValueTask AddCredentialsAsync(TokenRequestContent request, ClientAuthenticationContext context, CancellationToken cancellationToken)
    {
        var callbackContext = new ClientAssertionContext
        {
            ClientId = context.ClientId,
            TokenEndpoint = context.TokenEndpoint,
            TenantId = context.TenantId,
            Claims = context.Claims,
        };
        string? assertion;
        try
        {
            assertion = await _provider(callbackContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not AuthException)
        {
            throw new AuthClientException(AuthErrorCodes.ClientAssertionFailed, "The client assertion callback threw; see the inner exception.", ex);
        }

        if (string.IsNullOrWhiteSpace(assertion))
        {
            throw new AuthClientException(AuthErrorCodes.ClientAssertionFailed, "The client assertion callback returned no assertion. Return a signed JWT.");
        }

        AddAssertion(request, assertion);
    }
}
