using Auth.Common.Errors;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Telemetry;

namespace Auth.Common.Grants.RefreshToken;

/// <summary>Redeems a refresh token the app brings (RFC 6749 section 6); the result is cached like any other.</summary>
internal sealed class RefreshTokenFlow
{
    private readonly UserTokenExchange _exchange;

    public RefreshTokenFlow(UserTokenExchange exchange) => _exchange = exchange;

    public async Task<AuthenticationResult> AcquireAsync(RefreshTokenRequest request, CancellationToken cancellationToken)
    {
        var context = await RequestContext.ResolveAsync(_exchange.Runtime, request, request.Scopes, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "RefreshToken is empty.");
        }

        var grant = context.Grant(new("grant_type", "refresh_token"), new("refresh_token", request.RefreshToken)) with
        {
            ApiId = ApiIds.RefreshToken,
            ReturnRefreshToken = request.ReturnRefreshToken,
            Claims = request.Claims,
            ExtraQueryParameters = request.ExtraQueryParameters,
        };
        return await _exchange.RedeemAsync(grant, cancellationToken).ConfigureAwait(false);
    }
}
