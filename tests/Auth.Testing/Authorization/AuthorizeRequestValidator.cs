using System.Buffers.Text;
using Auth.Testing.Clients;
using Auth.Testing.Errors;
using Auth.Testing.Tokens;

namespace Auth.Testing.Authorization;

/// <summary>
/// Validates the authorization request's parameters: first the client and redirect URI (errors shown on a page),
/// then, with a trusted redirect URI, <c>response_type=code</c>, <c>scope</c> and PKCE (errors redirected with
/// the <c>state</c>). Public clients must send an S256 <c>code_challenge</c>; <c>plain</c> is refused for all.
/// </summary>
internal sealed class AuthorizeRequestValidator
{
    private static readonly string[] ResponseModes = ["query", "fragment", "form_post"];

    private readonly ClientRegistry _clients;

    public AuthorizeRequestValidator(ClientRegistry clients)
    {
        _clients = clients;
    }

    public AuthorizeValidation Validate(string tenant, IReadOnlyDictionary<string, string> query, string? duplicate, string? responseIssuer = null)
    {
        if (duplicate is not null)
        {
            return AuthorizeValidation.Page(AadErrors.MalformedRequest($"The parameter '{duplicate}' was included more than once."));
        }

        var clientId = Value(query, "client_id");
        var client = clientId is null ? null : _clients.Find(clientId);
        var redirectUri = Value(query, "redirect_uri");
        var responseMode = Value(query, "response_mode") ?? "query";
        var pageError = clientId is null ? AadErrors.MissingParameter("client_id")
            : client is null ? AadErrors.UnknownClient(clientId, tenant)
            : redirectUri is null ? AadErrors.MissingParameter("redirect_uri")
            : !RedirectUriPolicy.IsAllowed(client, redirectUri) ? AadAuthorizeErrors.RedirectUriNotRegistered(redirectUri, clientId)
            : !ResponseModes.Contains(responseMode) ? AadAuthorizeErrors.UnsupportedResponseMode(responseMode)
            : null;
        if (pageError is not null)
        {
            return AuthorizeValidation.Page(pageError);
        }

        var target = new RedirectTarget(redirectUri!, responseMode, Value(query, "state"), responseIssuer);
        var error = CheckCodeRequest(query, client!);
        if (error is not null)
        {
            return AuthorizeValidation.Redirect(target, error);
        }

        return AuthorizeValidation.Valid(
            new AuthorizeRequest(tenant, clientId!, target, query["scope"], Value(query, "nonce"), Value(query, "code_challenge"), Value(query, "prompt")));
    }

    private static AadError? CheckCodeRequest(IReadOnlyDictionary<string, string> query, RegisteredClient client)
    {
        var responseType = Value(query, "response_type");
        if (responseType != "code")
        {
            return responseType is null ? AadErrors.MissingParameter("response_type") : AadAuthorizeErrors.UnsupportedResponseType(responseType);
        }

        var scope = Value(query, "scope");
        if (scope is null)
        {
            return AadErrors.MissingParameter("scope");
        }

        if (!ScopeSet.TryParse(scope, out _, out var scopeError))
        {
            return scopeError;
        }

        var challenge = Value(query, "code_challenge");
        var method = Value(query, "code_challenge_method");
        if (challenge is null)
        {
            return client.IsPublic ? AadAuthorizeErrors.PkceRequired() : null;
        }

        if (method != "S256")
        {
            return AadAuthorizeErrors.PkceMethodNotSupported(method);
        }

        return challenge.Length == 43 && Base64Url.IsValid(challenge) ? null : AadAuthorizeErrors.InvalidCodeChallenge();
    }

    private static string? Value(IReadOnlyDictionary<string, string> query, string name) =>
        query.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
