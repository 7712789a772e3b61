using Auth.Testing.Errors;
using Auth.Testing.Tokens;

namespace Auth.Testing.Clients;

/// <summary>
/// Authenticates a confidential client at the token endpoint by exactly one of client_secret_post,
/// client_secret_basic or private_key_jwt (RFC 6749 §2.3, RFC 7523 §2.2), with Entra ID's error codes; an assertion
/// not issued by the client itself goes to its federated credentials (<see cref="FederatedAssertionValidator"/>).
/// </summary>
internal sealed class ClientAuthenticator
{
    public const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private readonly ClientRegistry _registry;

    public ClientAuthenticator(ClientRegistry registry)
    {
        _registry = registry;
    }

    public ClientAuthentication Authenticate(TokenRequestContext request)
    {
        var hasBasic = BasicCredentials.TryRead(request.Header("Authorization"), out var basic, out var malformedBasic);
        if (malformedBasic)
        {
            return ClientAuthentication.Failure(AadErrors.MalformedRequest("The Authorization header does not hold valid Basic credentials."));
        }

        var secret = request.FormValue("client_secret");
        var assertion = request.FormValue("client_assertion");
        var assertionType = request.FormValue("client_assertion_type");
        var hasAssertion = assertion is not null || assertionType is not null;
        if ((hasBasic ? 1 : 0) + (secret is null ? 0 : 1) + (hasAssertion ? 1 : 0) > 1)
        {
            return ClientAuthentication.Failure(AadErrors.MalformedRequest("The client used more than one authentication method."));
        }

        var formClientId = request.FormValue("client_id");
        if (basic is not null && formClientId is not null && formClientId != basic.ClientId)
        {
            return ClientAuthentication.Failure(AadErrors.MalformedRequest("The client_id does not match the Authorization header."));
        }

        var clientId = basic?.ClientId ?? formClientId;
        if (clientId is null)
        {
            return ClientAuthentication.Failure(AadErrors.MissingParameter("client_id"));
        }

        var client = _registry.Find(clientId);
        if (client is null)
        {
            return ClientAuthentication.Failure(AadErrors.UnknownClient(clientId, request.Tenant));
        }

        if (basic is not null)
        {
            return CheckSecret(client, basic.ClientSecret, ClientAuthMethod.SecretBasic);
        }

        if (secret is not null)
        {
            return CheckSecret(client, secret, ClientAuthMethod.SecretPost);
        }

        return hasAssertion
            ? CheckAssertion(client, assertionType, assertion, request)
            : ClientAuthentication.Failure(AadErrors.MissingClientCredentials());
    }

    private static ClientAuthentication CheckSecret(RegisteredClient client, string secret, ClientAuthMethod method) =>
        client.HasSecret(secret)
            ? ClientAuthentication.Success(client, method)
            : ClientAuthentication.Failure(AadErrors.InvalidClientSecret(client.ClientId));

    private static ClientAuthentication CheckAssertion(RegisteredClient client, string? type, string? assertion, TokenRequestContext request)
    {
        if (type is null || assertion is null)
        {
            return ClientAuthentication.Failure(AadErrors.MissingParameter(type is null ? "client_assertion_type" : "client_assertion"));
        }

        if (type != JwtBearerAssertionType)
        {
            return ClientAuthentication.Failure(AadErrors.MalformedRequest($"The client_assertion_type must be '{JwtBearerAssertionType}'."));
        }

        if (FederatedAssertionValidator.IsFederated(assertion, client))
        {
            var error = FederatedAssertionValidator.Validate(assertion, client, request.Now);
            return error is null ? ClientAuthentication.Success(client, ClientAuthMethod.PrivateKeyJwt) : ClientAuthentication.Failure(error);
        }

        var problem = ClientAssertionValidator.Validate(assertion, client, request.TokenEndpointUrl, request.Now);
        return problem is null
            ? ClientAuthentication.Success(client, ClientAuthMethod.PrivateKeyJwt)
            : ClientAuthentication.Failure(AadErrors.InvalidClientAssertion(problem));
    }
}
