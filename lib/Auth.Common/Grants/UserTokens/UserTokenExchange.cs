using Auth.Common.Accounts;
using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Jwt;
using Auth.Common.Logging;
using Auth.Common.Pipeline;
using Auth.Common.Responses;
using Auth.Common.Runtime;

namespace Auth.Common.Grants.UserTokens;

/// <summary>
/// The part every user grant shares: send the grant through the pipeline with the OIDC scopes (and
/// client_info in Entra ID), check the ID token, work out the account, cache the tokens under it,
/// and build the result.
/// </summary>
internal sealed class UserTokenExchange
{
    private static readonly string[] OidcScopes = ["openid", "profile", "offline_access"];
    private readonly ClientRuntime _runtime;

    public UserTokenExchange(ClientRuntime runtime) => _runtime = runtime;

    public ClientRuntime Runtime => _runtime;

    /// <summary>Sends the grant and caches what it returns; throws the authority's error.</summary>
    public async Task<AuthenticationResult> RedeemAsync(UserGrant grant, CancellationToken cancellationToken)
    {
        var requestedAt = _runtime.Time.GetUtcNow();
        var result = await SendAsync(grant, cancellationToken).ConfigureAwait(false);
        return await StoreAsync(grant, result.GetOrThrow(), requestedAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the grant and returns the pipeline's result, success or error, without caching.</summary>
    public Task<PipelineResult<TokenResponseJson>> SendAsync(UserGrant grant, CancellationToken cancellationToken) =>
        _runtime.Sender.SendAsync(
            new TokenRequest
            {
                Authority = grant.Authority,
                CorrelationId = grant.CorrelationId,
                ApiId = grant.ApiId,
                CacheInfo = grant.CacheInfo,
                GrantFields = grant.GrantFields,
                Scope = WithOidcScopes(grant.Scopes),
                RequestClientInfo = true,
                Claims = grant.Claims,
                ExtraQueryParameters = grant.ExtraQueryParameters,
            },
            cancellationToken);

    /// <summary>Checks the ID token of a successful answer, caches the tokens under their account, and builds the result.</summary>
    public async Task<AuthenticationResult> StoreAsync(UserGrant grant, TokenResponseJson response, DateTimeOffset requestedAt, CancellationToken cancellationToken)
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
            (Record: record, Now: requestedAt.ToUnixTimeSeconds(), Replaces: grant.ReplacesOnBehalfOfTokens ? grant.UserAssertionHash : null),
            static (store, save) =>
            {
                if (save.Replaces is { } assertionHash)
                {
                    store.RemoveOnBehalfOf(assertionHash, save.Record.AccessToken.ClientId!);
                }

                store.SaveUserTokens(save.Record, save.Now);
                return (true, true);
            },
            cancellationToken).ConfigureAwait(false);

        Log.TokenReceived(_runtime.Logger, record.AccessToken.Target!, EpochSeconds.ToDateTimeOffset(record.AccessToken.ExpiresOn!.Value), grant.CorrelationId);
        Log.SignedIn(_runtime.Logger, _runtime.EnablePiiLogging, account.HomeAccountId, account.Username, account.Realm, grant.CorrelationId);
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
