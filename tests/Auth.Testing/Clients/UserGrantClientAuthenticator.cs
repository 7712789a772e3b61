using Auth.Testing.Errors;
using Auth.Testing.Tokens;

namespace Auth.Testing.Clients;

/// <summary>
/// Identifies the client of a user grant (auth code, refresh token, password, device code): a public client
/// (<c>RegisterPublicClient</c>) sends only its <c>client_id</c>; a confidential client must authenticate as for
/// client credentials (RFC 6749 §3.2.1). A public client without credentials that presents some is refused with
/// <c>invalid_client</c> (AADSTS700025), as Entra ID does.
/// </summary>
internal sealed class UserGrantClientAuthenticator
{
    private readonly ClientRegistry _registry;
    private readonly ClientAuthenticator _confidential;

    public UserGrantClientAuthenticator(ClientRegistry registry, ClientAuthenticator confidential)
    {
        _registry = registry;
        _confidential = confidential;
    }

    public ClientAuthentication Authenticate(TokenRequestContext request)
    {
        var clientId = request.FormValue("client_id");
        var client = clientId is null ? null : _registry.Find(clientId);
        if (PresentsCredentials(request))
        {
            return client is { IsPublic: true, HasCredentials: false }
                ? ClientAuthentication.Failure(AadGrantErrors.PublicClientWithCredentials())
                : _confidential.Authenticate(request);
        }

        if (clientId is null)
        {
            return ClientAuthentication.Failure(AadErrors.MissingParameter("client_id"));
        }

        if (client is null)
        {
            return ClientAuthentication.Failure(AadErrors.UnknownClient(clientId, request.Tenant));
        }

        return client.IsPublic
            ? ClientAuthentication.Success(client, ClientAuthMethod.None)
            : ClientAuthentication.Failure(AadErrors.MissingClientCredentials());
    }

    /// <summary>Whether the request carries a client credential (Basic header, secret or assertion).</summary>
    public static bool PresentsCredentials(TokenRequestContext request) =>
        request.Header("Authorization")?.StartsWith("Basic", StringComparison.OrdinalIgnoreCase) == true
        || request.FormValue("client_secret") is not null
        || request.FormValue("client_assertion") is not null
        || request.FormValue("client_assertion_type") is not null;
}
