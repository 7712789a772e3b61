using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Logging;
using Auth.Common.Protocol;
using Auth.Common.Responses;

namespace Auth.Common.Flows;

/// <summary>
/// The part every user grant shares: send the grant with the OIDC scopes (and client_info in
/// Entra ID), check the ID token, work out the account, cache the tokens under it, and build the result.
/// </summary>
internal sealed class UserTokenExchange
{
    private static readonly string[] OidcScopes = ["openid", "profile", "offline_access"];
    private readonly ClientRuntime _runtime;
    private readonly IClientAuthenticator? _authenticator;

    public UserTokenExchange(ClientRuntime runtime, IClientAuthenticator? authenticator)
    {
        _runtime = runtime;
        _authenticator = authenticator;
    }

    public ClientRuntime Runtime => _runtime;

    public async Task<AuthenticationResult> RedeemAsync(UserGrant grant, CancellationToken cancellationToken)
    {
        var metadata = await _runtime.Metadata.ResolveAsync(grant.Authority, grant.CorrelationId, cancellationToken).ConfigureAwait(false);
        var content = new TokenRequestContent();
        _runtime.Headers.AddTo(content, grant.Authority, grant.CorrelationId, grant.ApiId, grant.CacheInfo);
        content.Form.AddRange(grant.GrantFields);
        content.Add("client_id", _runtime.ClientId);
        content.Add("scope", WithOidcScopes(grant.Scopes));
        if (grant.Authority.SendsClientInfo)
        {
            content.Add("client_info", "1");
        }

        if (ClaimsRequest.Merge(grant.Claims, _runtime.ClientCapabilities) is { } claims)
        {
            content.Add("claims", claims);
        }

        if (_authenticator is not null)
        {
            var context = new ClientAuthenticationContext(
                _runtime.ClientId, metadata.TokenEndpoint, grant.Authority.Tenant, grant.Claims, grant.Authority.Mode, metadata.TokenEndpointSigningAlgorithms, metadata.TokenEndpointAuthMethods);
            await _authenticator.AddCredentialsAsync(content, context, cancellationToken).ConfigureAwait(false);
        }

        var requestedAt = _runtime.Time.GetUtcNow();
        var endpoint = UriQuery.Append(metadata.TokenEndpoint, grant.ExtraQueryParameters);
        var result = await _runtime.TokenEndpoint.PostAsync(endpoint, content, grant.CorrelationId, cancellationToken).ConfigureAwait(false);
        var response = result.GetTokenOrThrow();
        return await StoreAsync(grant, response, requestedAt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AuthenticationResult> StoreAsync(UserGrant grant, TokenResponseJson response, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        var claims = string.IsNullOrEmpty(response.IdToken)
            ? null
            : IdTokenValidator.Validate(response.IdToken, _runtime.ClientId, grant.ExpectedNonce, _runtime.Time.GetUtcNow(), _runtime.ClockSkew);
        if (claims is null && grant.ExpectedNonce is not null)
        {
            throw new AuthClientException(AuthErrorCodes.InvalidIdToken, "The authority returned no ID token although openid was requested. Check that the app may use OpenID Connect.");
        }

        var account = AccountIdentity.From(grant.Authority, response.ClientInfo, claims) ?? grant.KnownAccount
            ?? throw new AuthClientException(AuthErrorCodes.InvalidIdToken, "The authority's answer has neither an ID token nor client_info, so the account is unknown. Request the openid scope.");
        var record = UserTokenRecordFactory.Create(account, _runtime.ClientId, string.Join(' ', grant.Scopes), response, requestedAt, grant.UserAssertionHash);
        await _runtime.Cache.AccessAsync(
            grant.UserAssertionHash ?? account.HomeAccountId,
            isApplicationCache: false,
            store =>
            {
                UserTokenCache.Save(store, record, requestedAt.ToUnixTimeSeconds());
                return (true, true);
            },
            cancellationToken).ConfigureAwait(false);

        Log.TokenReceived(_runtime.Logger, record.AccessToken.Target!, EpochSeconds.ToDateTimeOffset(record.AccessToken.ExpiresOn!.Value), grant.CorrelationId);
        return ResultFactory.ForUser(
            record.AccessToken,
            record.Account,
            record.IdToken,
            grant.Authority,
            grant.CorrelationId,
            TokenSource.IdentityProvider,
            grant.State,
            grant.ReturnRefreshToken ? response.RefreshToken : null);
    }

    private static string WithOidcScopes(IReadOnlyList<string> scopes) =>
        string.Join(' ', scopes.Concat(OidcScopes.Where(o => !scopes.Contains(o, StringComparer.OrdinalIgnoreCase))));
}
