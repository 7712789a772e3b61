using Auth.Common.Errors;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Telemetry;

namespace Auth.Common.Grants.UsernamePassword;

/// <summary>The resource owner password grant (RFC 6749 section 4.3).</summary>
internal sealed class UsernamePasswordFlow
{
    private readonly UserTokenExchange _exchange;

    public UsernamePasswordFlow(UserTokenExchange exchange) => _exchange = exchange;

    public async Task<AuthenticationResult> AcquireAsync(UsernamePasswordRequest request, CancellationToken cancellationToken)
    {
        var context = await RequestContext.ResolveAsync(_exchange.Runtime, request, request.Scopes, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "Username and Password are required.");
        }

        var grant = context.Grant(new("grant_type", "password"), new("username", request.Username), new("password", request.Password)) with
        {
            ApiId = ApiIds.UsernamePassword,
            Claims = request.Claims,
            ExtraQueryParameters = request.ExtraQueryParameters,
        };
        return await _exchange.RedeemAsync(grant, cancellationToken).ConfigureAwait(false);
    }
}
