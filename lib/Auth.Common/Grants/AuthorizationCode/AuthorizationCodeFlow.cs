using Auth.Common.Errors;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Responses;

namespace Auth.Common.Grants.AuthorizationCode;

/// <summary>
/// Redeems an authorization code (RFC 6749 4.1.3 with the PKCE verifier) once <see cref="AuthorizationResponseCheck"/>
/// has accepted the redirect (state, PKCE or nonce, RFC 9207 issuer); the ID token's nonce is checked on the answer. A
/// confidential client may ask for a SPA code too (<c>return_spa_code=1</c>), which the result carries and the cache never sees.
/// </summary>
internal sealed class AuthorizationCodeFlow
{
    private readonly UserTokenExchange _exchange;

    public AuthorizationCodeFlow(UserTokenExchange exchange) => _exchange = exchange;

    public async Task<AuthenticationResult> AcquireAsync(AuthorizationCodeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        AuthorizationResponseCheck.CheckSpaCode(request, _exchange.Runtime.Sender.IsConfidential);
        var context = await RequestContext.ResolveAsync(_exchange.Runtime, request, request.Scopes, cancellationToken).ConfigureAwait(false);
        if (request.RedirectUri is null || !request.RedirectUri.IsAbsoluteUri)
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "RedirectUri must be the absolute redirect URI used in the authorization request.");
        }

        AuthorizationResponseCheck.CheckError(request, context.CorrelationId);
        if (string.IsNullOrWhiteSpace(request.Code))
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "Code is empty: pass the code from the redirect.");
        }

        AuthorizationResponseCheck.CheckState(request, context.CorrelationId);
        AuthorizationResponseCheck.CheckBinding(request, _exchange.Runtime.Sender.IsConfidential, context.CorrelationId);
        var metadata = await _exchange.Runtime.Metadata.ResolveAsync(context.Authority, context.CorrelationId, cancellationToken).ConfigureAwait(false);
        AuthorizationResponseCheck.CheckIssuer(request, metadata, context.CorrelationId);

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

        if (request.EnableSpaAuthorizationCode)
        {
            fields.Add(new("return_spa_code", "1"));
        }

        var grant = context.Grant([.. fields]) with
        {
            Claims = request.Claims,
            ExpectedNonce = request.Nonce,
            State = request.ReturnedState ?? request.State,
            ExtraQueryParameters = request.ExtraQueryParameters,
            ReturnSpaCode = request.EnableSpaAuthorizationCode,
        };
        return await _exchange.RedeemAsync(grant, cancellationToken).ConfigureAwait(false);
    }
}
