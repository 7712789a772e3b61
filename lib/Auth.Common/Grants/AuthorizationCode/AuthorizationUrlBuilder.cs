using Auth.Common.Authority;
using Auth.Common.Errors;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Pipeline;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Runtime;

namespace Auth.Common.Grants.AuthorizationCode;

/// <summary>
/// Builds the authorization URL of the auth-code flow (RFC 6749 4.1.1, OIDC Core 3.1.2.1) with state, nonce and
/// PKCE S256 (RFC 7636) for every client, public or confidential, as RFC 9700 section 2.1.1 recommends: values the
/// request does not bring are generated and returned with the URL for the app to keep.
/// </summary>
internal sealed class AuthorizationUrlBuilder
{
    private readonly ClientRuntime _runtime;

    public AuthorizationUrlBuilder(ClientRuntime runtime) => _runtime = runtime;

    public async Task<AuthorizationUrl> BuildAsync(AuthorizationUrlRequest request, CancellationToken cancellationToken)
    {
        var context = await RequestContext.ResolveAsync(_runtime, request, request.Scopes, cancellationToken).ConfigureAwait(false);
        if (request.RedirectUri is null || !request.RedirectUri.IsAbsoluteUri)
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "RedirectUri must be an absolute URI registered for the app, such as http://127.0.0.1:{port}/.");
        }

        if (!string.Equals(request.CodeChallengeMethod, "S256", StringComparison.Ordinal))
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "Only the S256 PKCE method is supported; 'plain' offers no protection.");
        }

        var metadata = await _runtime.Metadata.ResolveAsync(context.Authority, context.CorrelationId, cancellationToken).ConfigureAwait(false);
        var endpoint = metadata.AuthorizationEndpoint ?? throw new AuthClientException(
            AuthErrorCodes.EndpointNotSupported, "The authority publishes no authorization_endpoint, so the auth-code flow cannot be used with it.");

        var state = NonEmpty(request.State) ?? _runtime.Crypto.CreateRandomValue();
        var nonce = NonEmpty(request.Nonce) ?? _runtime.Crypto.CreateRandomValue();
        var verifier = NonEmpty(request.CodeChallenge) is null ? _runtime.Crypto.CreateRandomValue() : null;
        var challenge = verifier is null ? request.CodeChallenge! : _runtime.Crypto.Sha256Base64Url(verifier);
        var query = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["client_id"] = _runtime.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = request.RedirectUri.OriginalString,
            ["scope"] = string.Join(' ', context.Scopes.Concat(["openid", "profile", "offline_access"]).Distinct(StringComparer.OrdinalIgnoreCase)),
            ["state"] = state,
            ["nonce"] = nonce,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        };
        AddIfSet(query, "prompt", request.Prompt);
        AddIfSet(query, "login_hint", request.LoginHint);
        AddIfSet(query, "response_mode", request.ResponseMode);
        AddIfSet(query, "claims", ClaimsRequest.Merge(request.Claims, _runtime.ClientCapabilities));
        if (context.Authority.Mode == ProtocolMode.AzureAD)
        {
            AddIfSet(query, "domain_hint", request.DomainHint);
        }

        if (context.Authority.SendsClientInfo)
        {
            query["client_info"] = "1";
        }

        foreach (var (name, value) in request.ExtraQueryParameters ?? new Dictionary<string, string>())
        {
            query.TryAdd(name, value);
        }

        return new AuthorizationUrl { Url = UriQuery.Append(endpoint, query), State = state, Nonce = nonce, CodeVerifier = verifier };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void AddIfSet(Dictionary<string, string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query[name] = value;
        }
    }
}
