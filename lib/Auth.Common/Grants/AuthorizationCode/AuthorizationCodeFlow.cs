using Auth.Common.Grants.UserTokens;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;

namespace Auth.Common.Grants.AuthorizationCode;

/// <summary>Redeems an authorization code (RFC 6749 4.1.3 with the PKCE verifier), after checking the returned state.</summary>
internal sealed class AuthorizationCodeFlow
{
    private readonly UserTokenExchange _exchange;

    public AuthorizationCodeFlow(UserTokenExchange exchange) => _exchange = exchange;

    public async Task<AuthenticationResult> AcquireAsync(AuthorizationCodeRequest request, CancellationToken cancellationToken)
    {
        var context = await RequestContext.ResolveAsync(_exchange.Runtime, request, request.Scopes, cancellationToken).ConfigureAwait(false);
        if (request.RedirectUri is null || !request.RedirectUri.IsAbsoluteUri)
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "RedirectUri must be the absolute redirect URI used in the authorization request.");
        }

        if (string.IsNullOrWhiteSpace(request.Code))
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "Code is empty: pass the code from the redirect.");
        }

        if (request.State is not null && !string.Equals(request.State, request.ReturnedState, StringComparison.Ordinal))
        {
            throw new AuthClientException(AuthErrorCodes.StateMismatch, "The state returned with the code is not the state sent; the redirect may be forged. Start the sign-in again.")
            {
                CorrelationId = context.CorrelationId,
            };
        }

        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "authorization_code"),
            new("code", request.Code),
            new("redirect_uri", request.RedirectUri.OriginalString),
        };
        if (!string.IsNullOrEmpty(request.CodeVerifier))
        {
            fields.Add(new("code_verifier", request.CodeVerifier));
        }

        var grant = context.Grant([.. fields]) with
        {
            Claims = request.Claims,
            ExpectedNonce = request.Nonce,
            State = request.ReturnedState ?? request.State,
            ExtraQueryParameters = request.ExtraQueryParameters,
        };
        return await _exchange.RedeemAsync(grant, cancellationToken).ConfigureAwait(false);
    }
}
